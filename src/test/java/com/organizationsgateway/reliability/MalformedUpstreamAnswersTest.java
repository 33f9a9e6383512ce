package com.organizationsgateway.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A healthy-looking upstream (200) whose body is of the wrong shape, through GraphQL:
 * {@code UPSTREAM_UNAVAILABLE} at once, after one upstream request (the gateway retries
 * up to three times here, but not this), with one log line naming the request id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class MalformedUpstreamAnswersTest {

	@RegisterExtension
	private static final StubWorkOsServer workOs = new StubWorkOsServer();

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json", "Accept",
			"application/json");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void workOsMode(DynamicPropertyRegistry registry) {
		registry.add("gateway.workos.api-key", () -> "sk_test_malformed_answers");
		registry.add("gateway.workos.api-base-url", () -> workOs.baseUrl().toString());
		registry.add("gateway.security.allow-unauthenticated", () -> "true");
		registry.add("gateway.workos.resilience.max-attempts", () -> "3");
		// The shapes below are many failures in a row; the circuit is tested elsewhere.
		registry.add("gateway.workos.resilience.circuit-minimum-calls", () -> "1000");
		registry.add("gateway.workos.resilience.circuit-window-size", () -> "1000");
	}

	@BeforeEach
	void clear() {
		workOs.requests().clear();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					a list for a get  | 01 | application/json | {"object":"list","data":[],"list_metadata":{}}
					HTML              | 02 | text/html        | <html><body>Welcome to nginx!</body></html>
					truncated JSON    | 03 | application/json | {"object":"organization","id":"org_01EHZNVPK3SFK441A1RGB00003","na
					a missing id      | 04 | application/json | {"object":"organization","name":"Acme"}
					a different id    | 05 | application/json | {"object":"organization","id":"org_01EHZNVPK3SFK441A1RGBFFFFF","name":"Acme"}
					""")
	void aWrongShapeIsUpstreamUnavailableAtOnceWithOneLogLine(String shape, String n, String contentType, String body,
			CapturedOutput output) throws Exception {
		String id = "org_01EHZNVPK3SFK441A1RGB000" + n;
		String requestId = "req_wrong_shape_" + n;
		workOs.respond(new StubResponse(200, Map.of("Content-Type", contentType, "X-Request-ID", requestId),
				body.strip(), null));

		RawHttp.Answer answer = new RawHttp(this.port)
			.post(("{\"query\":\"{ organization(id: \\\"" + id + "\\\") { id name } }\"}")
				.getBytes(StandardCharsets.UTF_8), JSON);

		assertThat(answer.firstErrorCode()).as(answer.toString()).isEqualTo("UPSTREAM_UNAVAILABLE");
		assertThat(answer.took()).isLessThan(Duration.ofSeconds(2));
		assertThat(workOs.requests()).hasSize(1);
		assertThat(output.getOut().lines().filter((line) -> line.contains(requestId))).singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN").contains("malformed"));
	}

	@Test
	void aListPageOfTheWrongShapeIsUpstreamUnavailableToo() throws Exception {
		workOs.respond(new StubResponse(200, Map.of("Content-Type", "application/json", "X-Request-ID", "req_list"),
				"{\"object\":\"organization\",\"id\":\"org_01EHZNVPK3SFK441A1RGBFSHRT\"}", null));

		RawHttp.Answer answer = new RawHttp(this.port)
			.post("{\"query\":\"{ organizations(first: 3, search: \\\"wrong-shape\\\") { edges { node { id } } } }\"}"
				.getBytes(StandardCharsets.UTF_8), JSON);

		assertThat(answer.firstErrorCode()).as(answer.toString()).isEqualTo("UPSTREAM_UNAVAILABLE");
		assertThat(workOs.requests()).hasSize(1);
	}

}
