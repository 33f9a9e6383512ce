package com.organizationsgateway.workos;

import java.time.Duration;

import org.springframework.http.HttpMethod;

/**
 * Which failed calls may be sent again, and when: pure functions, tested without HTTP.
 * <p>
 * Reads, updates and deletes are retried after a transport failure, a 5xx or a 429. A PUT
 * carries the whole change, so sending it twice has the effect of sending it once; a
 * DELETE that already happened answers 404 on the retry, which the client reads as done.
 * A POST is retried after a transport failure or 5xx only under an
 * {@code Idempotency-Key}, because without one a lost response may hide a created
 * organization; a 429 means nothing was done, so it is always safe to retry, after the
 * pause its {@code Retry-After} asks for.
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
	 * The pause WorkOS asked for with {@code Retry-After}, waited out before the retry's
	 * backoff; zero when it asked for none.
	 */
	static Duration retryAfter(Throwable failure) {
		if (failure instanceof WorkOsException.RateLimited rateLimited && rateLimited.retryAfter() != null) {
			return rateLimited.retryAfter();
		}
		return Duration.ZERO;
	}

}
