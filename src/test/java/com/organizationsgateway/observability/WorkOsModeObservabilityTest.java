package com.organizationsgateway.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.organizationsgateway.TestClients;
import com.organizationsgateway.workos.Fixtures;
import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against WorkOS (a stub on loopback): the caller's W3C trace context reaches the
 * upstream, a failed call is logged once with its operation and request id, and repeated
 * failures take the gateway out of readiness until a call succeeds.
 */
// A cached test context rather than apps started and closed here: closing an app disposes
// Reactor Netty's global resources, which the other cached contexts' clients still use.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WorkOsModeObservabilityTest {

	@RegisterExtension
	private static final StubWorkOsServer workOs = new StubWorkOsServer();

	private static final String SECRET_KEY = "sk_test_observability_secret_9c1e";

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String ORGANIZATION = "query One($id: ID) { organization(id: $id) { name } }";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void workOsMode(DynamicPropertyRegistry registry) {
		registry.add("gateway.workos.api-key", () -> SECRET_KEY);
		registry.add("gateway.workos.api-base-url", () -> workOs.baseUrl().toString());
		// Callers' authentication is not what this test is about.
		registry.add("gateway.security.allow-unauthenticated", () -> "true");
		// One request per operation, so three failed operations are three failed calls
		// and never enough to open the circuit, which readiness would also report.
		registry.add("gateway.workos.resilience.max-attempts", () -> "1");
	}

	@Test
	void theUpstreamRequestCarriesTheCallersTraceContext() {
		workOs.respond(StubResponse.json(200, Fixtures.read("workos-node/organizations/get-organization.json")));
		graphQl("org_01EHT88Z8J8795GZNQ4ZP1J81T").header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organization.name")
			.isEqualTo("Test Organization 3");

		assertThat(workOs.requests()).last()
			.satisfies((request) -> assertThat(request.header("traceparent")).startsWith("00-" + TRACE_ID + "-")
				.doesNotContain("00f067aa0ba902b7"));
	}

	@Test
	void anUnsampledTraceStillReachesTheUpstreamUnsampled() {
		String id = "org_01EHT88Z8J8795GZNQ4ZP1J81V";
		workOs.respond(StubResponse.json(200, Fixtures.read("workos-node/organizations/get-organization.json")
			.replace("org_01EHT88Z8J8795GZNQ4ZP1J81T", id)));
		graphQl(id).header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-00")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organization.name")
			.isEqualTo("Test Organization 3");

		assertThat(workOs.requests()).last()
			.satisfies((request) -> assertThat(request.header("traceparent")).startsWith("00-" + TRACE_ID + "-")
				.endsWith("-00")
				.doesNotContain("00f067aa0ba902b7"));
	}

	@Test
	void failedCallsAreLoggedWithTheirRequestIdAndMakeTheGatewayNotReadyUntilOneSucceeds(CapturedOutput output) {
		workOs.respond(new StubResponse(503,
				Map.of("Content-Type", "application/json", "X-Request-ID", "req_stub_unavailable"),
				"{\"message\":\"unavailable\"}", null));
		readiness().isOk();
		for (String id : new String[] { "org_01EHT88Z8J8795GZNQ4ZP1J81A", "org_01EHT88Z8J8795GZNQ4ZP1J81B",
				"org_01EHT88Z8J8795GZNQ4ZP1J81C" }) {
			graphQl(id).exchange()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("UPSTREAM_UNAVAILABLE");
		}

		readiness().isEqualTo(503).expectBody().jsonPath("$.components.upstream.status").isEqualTo("DOWN");
		assertThat(output)
			.contains("WorkOS call getOrganization failed with status 503 (request id req_stub_unavailable)");
		assertThat(output).doesNotContain(SECRET_KEY).doesNotContain("unavailable\"}");

		workOs.respond(StubResponse.json(200, Fixtures.read("workos-node/organizations/get-organization.json")));
		graphQl("org_01EHT88Z8J8795GZNQ4ZP1J81D").exchange().expectStatus().isOk();
		readiness().isOk();
	}

	private WebTestClient.RequestHeadersSpec<?> graphQl(String id) {
		return gateway().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", ORGANIZATION, "variables", Map.of("id", id)));
	}

	private StatusAssertions readiness() {
		return gateway().get().uri("/actuator/health/readiness").exchange().expectStatus();
	}

	private WebTestClient gateway() {
		return TestClients.toPort(this.port);
	}

}
