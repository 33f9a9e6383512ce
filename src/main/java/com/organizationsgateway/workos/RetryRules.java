package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Which failed calls may be sent again, and when: pure functions, tested without HTTP.
 * <p>
 * Reads, updates and deletes are retried after a transport failure, a 5xx or a 429. A PUT
 * carries the whole change, so sending it twice has the effect of sending it once; a
 * DELETE that already happened answers 404 on the retry, which the client reads as done.
 * A POST is retried after a transport failure or 5xx only under an
 * {@code Idempotency-Key}, because without one a lost response may hide a created
 * organization; a 429 means nothing was done, so it is always safe to retry.
 */
final class RetryRules {

	private RetryRules() {
	}

	static boolean isRetryable(HttpMethod method, boolean idempotencyKey, Throwable failure) {
		if (failure instanceof WorkOsException.RateLimited) {
			return true;
		}
		boolean ambiguous = failure instanceof WorkOsException.TransportFailure
				|| failure instanceof WorkOsException.ServerError;
		if (!ambiguous) {
			return false;
		}
		return !HttpMethod.POST.equals(method) || idempotencyKey;
	}

	/**
	 * The wait before retry number {@code retry} (1 for the first), or null when the call
	 * must not be retried because WorkOS asked for a longer pause than
	 * {@code maxRetryAfter}. A {@code Retry-After} is honoured as given; otherwise the
	 * wait is exponential with jitter ({@code random} in [0, 1)).
	 */
	static @Nullable Duration delay(int retry, Throwable failure, ResilienceProperties properties,
			DoubleSupplier random) {
		if (failure instanceof WorkOsException.RateLimited rateLimited && rateLimited.retryAfter() != null) {
			Duration retryAfter = rateLimited.retryAfter();
			return (retryAfter.compareTo(properties.maxRetryAfter()) <= 0) ? retryAfter : null;
		}
		return backoff(retry, properties.initialBackoff(), properties.maxBackoff(), random.getAsDouble());
	}

	/**
	 * "Equal jitter": half of {@code min(max, initial * 2^(retry-1))} fixed, half random,
	 * so concurrent callers spread out yet never retry at once.
	 */
	static Duration backoff(int retry, Duration initial, Duration max, double random) {
		long ceiling = initial.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
		long capped = Math.min(Math.max(ceiling, 0), max.toMillis());
		return Duration.ofMillis(capped / 2 + (long) ((capped / 2) * random));
	}

}
