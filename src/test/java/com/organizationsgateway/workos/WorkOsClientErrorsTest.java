package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * One table from (status, body, headers) to the error the client raises.
 */
class WorkOsClientErrorsTest {

	@RegisterExtension
	static final StubWorkOsServer server = new StubWorkOsServer();

	static Stream<Arguments> errorResponses() {
		return Stream.of(row(
				StubResponse.json(400,
						"{\"code\":\"external_id_already_used\",\"message\":\"External ID already used.\"}"),
				WorkOsException.BadRequest.class, "external_id_already_used", "External ID already used.", 0, null),
				row(StubResponse.json(400, "{\"code\":\"invalid_metadata\",\"message\":\"Metadata is invalid.\"}"),
						WorkOsException.BadRequest.class, "invalid_metadata", "Metadata is invalid.", 0, null),
				row(StubResponse.json(400,
						"{\"error\":\"invalid_client\",\"error_description\":\"Client is not valid.\"}"),
						WorkOsException.BadRequest.class, null, "Client is not valid.", 0, null),
				row(StubResponse.json(401, "{\"message\":\"Unauthorized\"}"), WorkOsException.Unauthorized.class, null,
						"Unauthorized", 0, null),
				row(StubResponse.json(403, "{\"message\":\"Forbidden\"}"), WorkOsException.Forbidden.class, null,
						"Forbidden", 0, null),
				row(StubResponse.json(404,
						"{\"message\":\"Organization not found: 'org_01EHZNVPK3SFK441A1RGBFSHRT'.\",\"code\":\"entity_not_found\",\"entity_id\":\"org_01EHZNVPK3SFK441A1RGBFSHRT\"}"),
						WorkOsException.NotFound.class, "entity_not_found",
						"Organization not found: 'org_01EHZNVPK3SFK441A1RGBFSHRT'.", 0, null),
				row(StubResponse.json(409, Fixtures.read("workos-node/organizations/create-organization-invalid.json")),
						WorkOsException.Conflict.class, null,
						"An Organization with the domain example.com already exists.", 0, null),
				row(StubResponse.json(422,
						Fixtures.read("workos-node/organizations/set-stripe-customer-id-disabled.json")),
						WorkOsException.UnprocessableEntity.class, null,
						"stripe_customer_id is not enabled for this environment", 0, null),
				row(StubResponse.json(422,
						"{\"code\":\"invalid_request_parameters\",\"message\":\"Validation failed.\",\"errors\":[{\"field\":\"name\",\"code\":\"name_required\"},{\"field\":\"external_id\",\"code\":\"too_long\",\"message\":\"At most 128 characters.\"}]}"),
						WorkOsException.UnprocessableEntity.class, "invalid_request_parameters", "Validation failed.",
						2, null),
				row(StubResponse.json(429, "{\"message\":\"Too many requests\"}").withHeader("Retry-After", "7"),
						WorkOsException.RateLimited.class, null, "Too many requests", 0, Duration.ofSeconds(7)),
				row(StubResponse.json(429, ""), WorkOsException.RateLimited.class, null, null, 0, null),
				row(new StubResponse(500, java.util.Map.of("Content-Type", "text/html"), "<html>oops</html>", null),
						WorkOsException.ServerError.class, null, null, 0, null),
				row(StubResponse.json(502, "{\"message\":\"Bad gateway\"}"), WorkOsException.ServerError.class, null,
						"Bad gateway", 0, null),
				row(StubResponse.json(503, ""), WorkOsException.ServerError.class, null, null, 0, null),
				row(StubResponse.json(408, "{\"message\":\"Request timeout\"}"), WorkOsException.UnexpectedStatus.class,
						null, "Request timeout", 0, null),
				row(StubResponse.json(302, "").withHeader("Location", "https://example.com/"),
						WorkOsException.UnexpectedStatus.class, null, null, 0, null),
				row(StubResponse.json(400, "[\"not\",\"an\",\"object\"]"), WorkOsException.BadRequest.class, null, null,
						0, null),
				row(StubResponse.json(400, "{\"message\":42,\"code\":{\"nested\":true}}"),
						WorkOsException.BadRequest.class, null, null, 0, null));
	}

	private static Arguments row(StubResponse response, Class<? extends WorkOsException.ApiError> type, String code,
			String message, int fieldErrors, Duration retryAfter) {
		return Arguments.of(response.withHeader("X-Request-ID", "req_test_" + response.status()), type, code, message,
				fieldErrors, retryAfter);
	}

	@ParameterizedTest(name = "{index}: {0} -> {1}")
	@MethodSource("errorResponses")
	void mapsEveryErrorResponseToOneTypedError(StubResponse response, Class<? extends WorkOsException.ApiError> type,
			String code, String message, int fieldErrors, Duration retryAfter) {
		server.respond(response);

		Throwable error = catchThrowable(
				() -> server.client().getOrganization("org_01EHZNVPK3SFK441A1RGBFSHRT").block());

		assertThat(error).isExactlyInstanceOf(type);
		WorkOsException.ApiError apiError = (WorkOsException.ApiError) error;
		assertThat(apiError.status()).isEqualTo(response.status());
		assertThat(apiError.code()).isEqualTo(code);
		assertThat(apiError.upstreamMessage()).isEqualTo(message);
		assertThat(apiError.fieldErrors()).hasSize(fieldErrors);
		assertThat(apiError.requestId()).isEqualTo("req_test_" + response.status());
		assertThat(apiError.response().retryAfter()).isEqualTo(retryAfter);
		assertThat(apiError.getMessage()).startsWith("WorkOS answered " + response.status())
			.doesNotContain(StubWorkOsServer.API_KEY);
	}

	@Test
	void keepsEachFieldErrorOfAValidationFailure() {
		server.respond(StubResponse.json(422,
				"{\"code\":\"invalid_request_parameters\",\"message\":\"Validation failed.\",\"errors\":[{\"field\":\"external_id\",\"code\":\"too_long\",\"message\":\"At most 128 characters.\"}]}"));

		Throwable error = catchThrowable(
				() -> server.client().getOrganization("org_01EHZNVPK3SFK441A1RGBFSHRT").block());

		assertThat(((WorkOsException.ApiError) error).fieldErrors())
			.containsExactly(new WorkOsException.FieldError("external_id", "too_long", "At most 128 characters."));
	}

	@Test
	void readsRetryAfterGivenAsAnHttpDate() {
		server.respond(StubResponse.json(429, "{}").withHeader("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT"));

		Throwable error = catchThrowable(
				() -> server.client().getOrganization("org_01EHZNVPK3SFK441A1RGBFSHRT").block());

		assertThat(((WorkOsException.RateLimited) error).retryAfter()).isGreaterThan(Duration.ofDays(365));
	}

	@Test
	void anEmptySuccessBodyIsAMalformedResponse() {
		server.respond(StubResponse.json(200, ""));

		Throwable error = catchThrowable(
				() -> server.client().getOrganization("org_01EHZNVPK3SFK441A1RGBFSHRT").block());

		assertThat(error).isInstanceOf(WorkOsException.MalformedResponse.class);
	}

	@Test
	void aRefusedConnectionIsATransportFailureThatNamesNoKey() {
		StubWorkOsServer closed = new StubWorkOsServer();
		WorkOsClient client = closed.client();
		closed.close();

		Throwable error = catchThrowable(() -> client.getOrganization("org_01EHZNVPK3SFK441A1RGBFSHRT").block());

		assertThat(error).isInstanceOf(WorkOsException.TransportFailure.class);
		assertThat(error.getMessage()).startsWith("WorkOS could not be reached")
			.doesNotContain(StubWorkOsServer.API_KEY);
	}

	@Test
	void aSlowResponseTimesOutAsATransportFailure() {
		server.respond(StubResponse.json(200, "{}").delayedBy(Duration.ofSeconds(3)));
		WorkOsClient client = server.client(Duration.ofMillis(300));

		long started = System.nanoTime();
		Throwable error = catchThrowable(() -> client.getOrganization("org_01EHZNVPK3SFK441A1RGBFSHRT").block());

		assertThat(error).isInstanceOf(WorkOsException.TransportFailure.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void theStatusTableCoversEveryApiErrorSubtype() {
		List<Object> covered = errorResponses().map((arguments) -> arguments.get()[1]).distinct().toList();

		assertThat(covered)
			.containsExactlyInAnyOrder((Object[]) WorkOsException.ApiError.class.getPermittedSubclasses());
	}

}
