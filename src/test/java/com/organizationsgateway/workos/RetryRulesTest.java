package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.organizationsgateway.TestProperties;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are retried for which method, and how long to wait: the rules as a
 * table, without HTTP.
 */
class RetryRulesTest {

	private static final ResilienceProperties PROPERTIES = TestProperties.bind(ResilienceProperties.class);

	static Stream<Arguments> table() {
		Throwable transport = new WorkOsException.TransportFailure("down", null);
		Throwable serverError = error(503, null);
		Throwable rateLimited = error(429, Duration.ofSeconds(1));
		Throwable notFound = error(404, null);
		Throwable badRequest = error(400, null);
		Throwable unauthorized = error(401, null);
		Throwable open = new WorkOsException.Rejected(WorkOsException.Rejected.Reason.CIRCUIT_OPEN);
		return Stream.of(Arguments.of(HttpMethod.GET, false, transport, true),
				Arguments.of(HttpMethod.GET, false, serverError, true),
				Arguments.of(HttpMethod.GET, false, rateLimited, true),
				Arguments.of(HttpMethod.GET, false, notFound, false),
				Arguments.of(HttpMethod.GET, false, badRequest, false),
				Arguments.of(HttpMethod.GET, false, unauthorized, false),
				Arguments.of(HttpMethod.GET, false, open, false), Arguments.of(HttpMethod.POST, true, transport, true),
				Arguments.of(HttpMethod.POST, true, serverError, true),
				Arguments.of(HttpMethod.POST, false, transport, false),
				Arguments.of(HttpMethod.POST, false, serverError, false),
				Arguments.of(HttpMethod.POST, false, rateLimited, true),
				Arguments.of(HttpMethod.POST, true, badRequest, false),
				Arguments.of(HttpMethod.PUT, false, transport, true),
				Arguments.of(HttpMethod.PUT, false, serverError, true),
				Arguments.of(HttpMethod.PUT, false, error(409, null), false),
				Arguments.of(HttpMethod.DELETE, false, transport, true),
				Arguments.of(HttpMethod.DELETE, false, serverError, true),
				Arguments.of(HttpMethod.DELETE, false, notFound, false));
	}

	@ParameterizedTest(name = "{0} keyed={1} {2} -> retry={3}")
	@MethodSource("table")
	void retryableByMethodAndFailure(HttpMethod method, boolean keyed, Throwable failure, boolean retryable) {
		assertThat(RetryRules.isRetryable(method, keyed, failure)).isEqualTo(retryable);
	}

	@Test
	void backoffDoublesWithJitterUpToTheCap() {
		Duration initial = Duration.ofMillis(100);
		Duration max = Duration.ofSeconds(2);
		assertThat(List.of(1, 2, 3, 4, 5, 6, 40).stream().map((n) -> RetryRules.backoff(n, initial, max, 0.0)))
			.containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
					Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1000), Duration.ofMillis(1000));
		assertThat(RetryRules.backoff(1, initial, max, 0.999)).isEqualTo(Duration.ofMillis(99));
		assertThat(RetryRules.backoff(10, initial, max, 0.999)).isEqualTo(Duration.ofMillis(1999));
	}

	@Test
	void retryAfterIsHonouredUpToTheCap() {
		assertThat(RetryRules.delay(1, error(429, Duration.ofSeconds(3)), PROPERTIES, () -> 0.5))
			.isEqualTo(Duration.ofSeconds(3));
		assertThat(RetryRules.delay(1, error(429, Duration.ofSeconds(5)), PROPERTIES, () -> 0.5))
			.isEqualTo(Duration.ofSeconds(5));
		assertThat(RetryRules.delay(1, error(429, Duration.ofSeconds(6)), PROPERTIES, () -> 0.5)).isNull();
		// A 429 without Retry-After backs off like any other failure.
		assertThat(RetryRules.delay(2, error(429, null), PROPERTIES, () -> 0.5)).isEqualTo(Duration.ofMillis(150));
	}

	private static WorkOsException error(int status, Duration retryAfter) {
		return new WorkOsException.ErrorResponse(status, null, "x", List.of(), null, retryAfter).toException();
	}

}
