package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A 2xx answer of the wrong shape, from a scripted server: one
 * {@link WorkOsException.MalformedResponse} after exactly one request (never retried as
 * if transient), one WARN line with the request id, and a failure for the circuit.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkOsMalformedAnswersTest {

	private static final String ID = "org_01EHZNVPK3SFK441A1RGBFSHRT";

	private static final String OTHER_ID = "org_01EHZNVPK3SFK441A1RGBFSHRV";

	private static final String DOMAIN_ID = "org_domain_01EHZNVPK3SFK441A1RGBFSHRT";

	private final StubWorkOsServer server = new StubWorkOsServer();

	@AfterEach
	void stop() {
		this.server.close();
	}

	static Stream<Arguments> wrongShapes() {
		return Stream.of(
				Arguments.of("a list for a get", "application/json",
						"{\"object\":\"list\",\"data\":[],\"list_metadata\":{\"before\":null,\"after\":null}}"),
				Arguments.of("a JSON array", "application/json", "[{\"id\":\"" + ID + "\"}]"),
				Arguments.of("HTML", "text/html", "<html><body>Gateway OK</body></html>"),
				Arguments.of("HTML labelled JSON", "application/json", "<html><body>Gateway OK</body></html>"),
				Arguments.of("truncated JSON", "application/json",
						"{\"object\":\"organization\",\"id\":\"" + ID + "\",\"name\":\"Acm"),
				Arguments.of("no id", "application/json", "{\"object\":\"organization\",\"name\":\"Acme\"}"),
				Arguments.of("a null id", "application/json", "{\"object\":\"organization\",\"id\":null}"),
				Arguments.of("another id", "application/json",
						"{\"object\":\"organization\",\"id\":\"" + OTHER_ID + "\",\"name\":\"Acme\"}"),
				Arguments.of("an empty body", "application/json", ""),
				Arguments.of("JSON null", "application/json", "null"),
				Arguments.of("a field of the wrong type", "application/json",
						"{\"object\":\"organization\",\"id\":\"" + ID + "\",\"name\":\"Acme\",\"domains\":7}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wrongShapes")
	void aGetAnsweredWithTheWrongShapeFailsOnceWithoutRetryAndIsLoggedWithItsRequestId(String shape, String contentType,
			String body, CapturedOutput output) {
		String requestId = "req_malformed_" + Math.abs(shape.hashCode());
		this.server
			.respond(new StubResponse(200, Map.of("Content-Type", contentType, "X-Request-ID", requestId), body, null));

		long start = System.nanoTime();
		Throwable failure = catchThrowable(() -> client(3).getOrganization(ID).block(Duration.ofSeconds(10)));

		assertThat(failure).isInstanceOfSatisfying(WorkOsException.MalformedResponse.class,
				(ex) -> assertThat(ex.requestId()).isEqualTo(requestId));
		assertThat(this.server.requests()).hasSize(1);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(output.getOut().lines().filter((line) -> line.contains(requestId))).singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN").contains("getOrganization"));
		assertThat(output.getOut()).doesNotContain("Acm\"").doesNotContain("Gateway OK");
	}

	@Test
	void aLookupByExternalIdAnsweredWithAnotherOrganizationIsMalformed() {
		this.server.respond(StubResponse.json(200,
				"{\"object\":\"organization\",\"id\":\"" + ID + "\",\"name\":\"Acme\",\"external_id\":\"other\"}"));

		Throwable failure = catchThrowable(
				() -> client(3).getOrganizationByExternalId("mine").block(Duration.ofSeconds(10)));

		assertThat(failure).isInstanceOf(WorkOsException.MalformedResponse.class);
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aDomainAnsweredAsAnOrganizationIsMalformed() {
		this.server.respond(StubResponse.json(200, "{\"object\":\"organization\",\"id\":\"" + DOMAIN_ID + "\"}"));

		Throwable failure = catchThrowable(
				() -> client(3).getOrganizationDomain(DOMAIN_ID).block(Duration.ofSeconds(10)));

		assertThat(failure).isInstanceOf(WorkOsException.MalformedResponse.class);
	}

	@Test
	void aListWhoseItemsHaveNoIdIsMalformed() {
		this.server.respond(StubResponse.json(200, "{\"object\":\"list\",\"data\":[{\"name\":\"x\"}]}"));

		Throwable failure = catchThrowable(
				() -> client(3).listOrganizations(new ListOrganizationsRequest(null, null, 10, null, null, null))
					.block(Duration.ofSeconds(10)));

		assertThat(failure).isInstanceOf(WorkOsException.MalformedResponse.class);
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void malformedAnswersCountAsFailuresForTheCircuit() {
		ResilienceProperties circuit = new ResilienceProperties(1, Duration.ofMillis(10), Duration.ofMillis(50),
				Duration.ofSeconds(2), 0.2, 10, Duration.ofSeconds(4), 50, 4, 4, Duration.ofSeconds(30), 1, 64);
		WorkOsResilience resilience = WorkOsResilience.of(circuit, new SimpleMeterRegistry());
		WorkOsClient client = this.server.client(Duration.ofSeconds(2), resilience);
		this.server.respond(StubResponse.json(200, "<html>not an organization</html>"));

		for (int i = 0; i < 4; i++) {
			catchThrowable(() -> client.getOrganization(ID).block(Duration.ofSeconds(5)));
		}

		assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void aWellFormedAnswerStillReads() {
		this.server.respond(StubResponse.json(200, Fixtures.read("workos-node/organizations/get-organization.json")));

		WorkOsOrganization organization = client(3).getOrganization("org_01EHT88Z8J8795GZNQ4ZP1J81T")
			.block(Duration.ofSeconds(5));

		assertThat(organization.name()).isEqualTo("Test Organization 3");
	}

	private WorkOsClient client(int attempts) {
		ResilienceProperties properties = new ResilienceProperties(attempts, Duration.ofMillis(10),
				Duration.ofMillis(50), Duration.ofSeconds(2), 0.2, 100, Duration.ofSeconds(4), 100, 1000, 1000,
				Duration.ofSeconds(10), 1, 64);
		return this.server.client(Duration.ofSeconds(2), WorkOsResilience.of(properties, new SimpleMeterRegistry()));
	}

}
