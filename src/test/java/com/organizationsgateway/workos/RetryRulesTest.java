package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are retried for which method, and the pause a 429 asks for: the rules as
 * a table, without HTTP.
 */
class RetryRulesTest {

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
	void retryAfterIsThePauseWorkOsAskedFor() {
		assertThat(RetryRules.retryAfter(error(429, Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
		assertThat(RetryRules.retryAfter(error(429, null))).isZero();
		assertThat(RetryRules.retryAfter(error(503, null))).isZero();
		assertThat(RetryRules.retryAfter(new WorkOsException.TransportFailure("down", null))).isZero();
	}

	private static WorkOsException error(int status, Duration retryAfter) {
		return new WorkOsException.ErrorResponse(status, null, "x", List.of(), null, retryAfter).toException();
	}

}
