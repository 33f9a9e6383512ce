package com.organizationsgateway.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile requests of issue 13, against the gateway in WorkOS mode: each is answered
 * with a 4xx or a GraphQL error with a contract code, and none that cannot name an
 * organization reaches the upstream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestsTest {

	@RegisterExtension
	private static final StubWorkOsServer workOs = new StubWorkOsServer();

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json", "Accept",
			"application/json");

	private static final String BY_EXTERNAL_ID = "query($e: String) { organization(externalId: $e) { id } }";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void workOsMode(DynamicPropertyRegistry registry) {
		registry.add("gateway.workos.api-key", () -> "sk_test_hostile_requests");
		registry.add("gateway.workos.api-base-url", () -> workOs.baseUrl().toString());
		registry.add("gateway.security.allow-unauthenticated", () -> "true");
	}

	@BeforeEach
	void healthyUpstream() {
		workOs.respond(StubResponse.json(200, "{\"object\":\"list\",\"data\":[],\"list_metadata\":{}}"));
		workOs.requests().clear();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*;q=garbage", "application/json;q=", "application/json;q=1.5", "text/html;;;=;" })
	void anAcceptHeaderThatDoesNotParseIs406WithAGraphQlError(String accept) throws Exception {
		RawHttp.Answer answer = http().post(query("{ __typename }"),
				Map.of("Content-Type", "application/json", "Accept", accept));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
		assertThat(answer.firstErrorCode()).as(answer.toString()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void anAbsurdlyLongAcceptHeaderIs406WithAGraphQlError() throws Exception {
		// Just under the server's 8 KiB limit on all headers, which answers 431 itself.
		String accept = "application/json, " + "text/plain;q=0.5, ".repeat(410);
		assertThat(accept.length()).isGreaterThan(7000);

		RawHttp.Answer answer = http().post(query("{ __typename }"),
				Map.of("Content-Type", "application/json", "Accept", accept));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
		assertThat(answer.firstErrorCode()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void anUnparsableAcceptOnAGetIs406Too() throws Exception {
		RawHttp.Answer answer = http().get("/graphql?query=%7B__typename%7D", Map.of("Accept", "*/*;q=garbage"));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
		assertThat(answer.firstErrorCode()).isEqualTo("BAD_REQUEST");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "null", " null ", "\n", "[]", "42", "\"query\"", "{\"query\":" })
	void aPostWithoutARequestIs400WithAGraphQlError(String body) throws Exception {
		RawHttp.Answer answer = http().post(body.getBytes(StandardCharsets.UTF_8), JSON);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.firstErrorCode()).as(answer.toString()).isEqualTo("BAD_REQUEST");
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", ".", "%2E%2E", "%2e", ".%2E", "%252E%252E" })
	void anExternalIdThatIsADotSegmentIsRefusedWithoutAnUpstreamCall(String externalId) throws Exception {
		RawHttp.Answer answer = http().post(query(BY_EXTERNAL_ID, externalId), JSON);

		assertThat(answer.status()).as(answer.toString()).isLessThan(500);
		JsonNode error = answer.json().path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).as(answer.toString()).isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("extensions").path("fieldErrors").path(0).path("code").asString())
			.isEqualTo("dot_segment");
		assertThat(workOs.requests()).isEmpty();
	}

	@Test
	void anExternalIdThatMerelyContainsDotsStillReachesItsOwnEndpoint() throws Exception {
		workOs.respond(StubResponse.json(200, "{\"object\":\"organization\",\"id\":\"org_01EHZNVPK3SFK441A1RGBFSHRT\","
				+ "\"name\":\"Dots\",\"external_id\":\"...\"}"));

		RawHttp.Answer answer = http().post(query(BY_EXTERNAL_ID, "..."), JSON);

		assertThat(answer.json().path("data").path("organization").path("id").asString()).as(answer.toString())
			.isEqualTo("org_01EHZNVPK3SFK441A1RGBFSHRT");
		assertThat(workOs.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/organizations/external_id/%2E%2E%2E"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "C0AF", "C0AE", "E080AF", "ED A0 80", "F8 88 80 80 80", "FF", "C3" })
	void anExternalIdThatIsNotWellFormedUtf8Is400WithoutAnUpstreamCall(String hex) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("{\"query\":\"{ organization(externalId: \\\"a").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes(hex));
		body.writeBytes("b\\\") { id } }\"}".getBytes(StandardCharsets.UTF_8));

		RawHttp.Answer answer = http().post(body.toByteArray(), JSON);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.firstErrorCode()).isEqualTo("BAD_REQUEST");
		assertThat(workOs.requests()).isEmpty();
	}

	@Test
	void aQueryStringThatIsNotWellFormedUtf8Is400WithoutAnUpstreamCall() throws Exception {
		RawHttp.Answer answer = http().get("/graphql?query=%7Borganization(externalId:%22a%C0%AFb%22)%7Bid%7D%7D",
				Map.of("Accept", "application/json"));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.firstErrorCode()).isEqualTo("BAD_REQUEST");
		assertThat(workOs.requests()).isEmpty();
	}

	@Test
	void aListNestedInNodesIdsIsAValidationError() throws Exception {
		RawHttp.Answer answer = http().post(query("{ nodes(ids: [[\"org_01EHZNVPK3SFK441A1RGBFSHRT\"]]) { id } }"),
				JSON);

		assertThat(answer.firstErrorCode()).as(answer.toString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
		assertThat(answer.json().path("data").isMissingNode() || answer.json().path("data").isNull()).isTrue();
		assertThat(workOs.requests()).isEmpty();
	}

	@Test
	void aListNestedInNodesIdsVariableIsRefused() throws Exception {
		byte[] body = ("{\"query\":\"query($ids: [ID!]!) { nodes(ids: $ids) { id } }\","
				+ "\"variables\":{\"ids\":[[\"org_01EHZNVPK3SFK441A1RGBFSHRT\"]]}}")
			.getBytes(StandardCharsets.UTF_8);

		RawHttp.Answer answer = http().post(body, JSON);

		assertThat(answer.status()).as(answer.toString()).isLessThan(500);
		assertThat(answer.firstErrorCode()).as(answer.toString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
		assertThat(answer.json().path("data").path("nodes").isMissingNode()).as(answer.toString()).isTrue();
		assertThat(workOs.requests()).isEmpty();
	}

	@Test
	void objectsFloatsAndBooleansAreNotIdsEither() throws Exception {
		for (String id : new String[] { "{a: 1}", "1.5", "true" }) {
			RawHttp.Answer answer = http().post(query("{ node(id: " + id + ") { id } }"), JSON);
			assertThat(answer.firstErrorCode()).as(id + ": " + answer).isEqualTo("GRAPHQL_VALIDATION_FAILED");
		}
		assertThat(workOs.requests()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/graphql-response+json", "*/*" })
	void aSubscriptionPostedForOneAnswerIs406SayingHowToSubscribe(String accept) throws Exception {
		RawHttp.Answer answer = http().post(query("subscription { organizationChanged { organization { id } } }"),
				Map.of("Content-Type", "application/json", "Accept", accept));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
		assertThat(answer.firstErrorCode()).as(answer.toString()).isEqualTo("BAD_REQUEST");
		assertThat(answer.toString()).contains("text/event-stream").doesNotContain("upstreamPublisher");
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

	private static byte[] query(String document) {
		return ("{\"query\":\"" + document.replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] query(String document, String externalId) {
		return ("{\"query\":\"" + document + "\",\"variables\":{\"e\":\"" + externalId + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String hex) {
		String digits = hex.replace(" ", "");
		byte[] bytes = new byte[digits.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
		}
		return bytes;
	}

}
