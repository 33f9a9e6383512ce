package com.organizationsgateway.responsecache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.TestClients;
import com.organizationsgateway.security.TestApiKeys;
import com.organizationsgateway.webhook.Eventually;
import com.organizationsgateway.webhook.GatewayUnderTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated queries over HTTP are answered from the response cache, and never once
 * anything they could hold may have changed: the cache's own lifetime is set far longer
 * here (60 s) than any wait in these tests, so every refresh seen comes from an
 * invalidation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.local-api.seed=false", "gateway.workos.api-key=",
				"gateway.graphql.response-cache.ttl=60s", "gateway.cache.list-ttl=60s",
				"gateway.graphql.documents.persisted-get-max-age=30s" })
class ResponseCacheTest {

	private static final String READER = "response-cache-reader-5d1c";

	private static final String WRITER = "response-cache-writer-8e2f";

	private static final String WRITE_ONLY = "response-cache-write-only-2a7b";

	private static final String READ = "organizations:read";

	private static final String WRITE = "organizations:write";

	private static final String CARD = "query Card($id: ID) { organization(id: $id) { id name } }";

	@DynamicPropertySource
	static void apiKeys(DynamicPropertyRegistry registry) {
		TestApiKeys.register(registry, 0, "reader", READER, READ);
		TestApiKeys.register(registry, 1, "writer", WRITER, READ + "," + WRITE);
		TestApiKeys.register(registry, 2, "write-only", WRITE_ONLY, WRITE);
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	MeterRegistry meters;

	GatewayUnderTest gateway;

	WebTestClient client;

	@BeforeEach
	void connect() {
		this.gateway = new GatewayUnderTest(this.port, this.jsonMapper, WRITER);
		this.client = TestClients.toPort(this.port);
	}

	@Test
	void aRepeatedQueryIsReplayedWithoutRunningAgain() {
		String id = createThroughGraphQl("Replayed");
		String first = card(READER, id);
		double executions = executions();
		double replays = replays();

		String second = card(READER, id);

		assertThat(second).isEqualTo(first).contains("\"name\":\"Replayed\"");
		assertThat(executions()).as("GraphQL executions").isEqualTo(executions);
		assertThat(replays()).as("response cache hits").isEqualTo(replays + 1);
	}

	@Test
	void aReplayCarriesTheSameHeadersAsTheAnswer() {
		String id = createThroughGraphQl("Headers");
		EntityExchangeResult<byte[]> answered = cardExchange(READER, id);
		double replays = replays();
		EntityExchangeResult<byte[]> replayed = cardExchange(READER, id);

		assertThat(replays()).isEqualTo(replays + 1);
		assertThat(replayed.getResponseBody()).isEqualTo(answered.getResponseBody());
		HttpHeaders headers = replayed.getResponseHeaders();
		assertThat(headers.getContentType()).isEqualTo(answered.getResponseHeaders().getContentType());
		assertThat(headers.getContentLength()).isEqualTo(answered.getResponseBody().length);
		for (String securityHeader : new String[] { "Content-Security-Policy", "X-Content-Type-Options" }) {
			assertThat(headers.get(securityHeader)).as(securityHeader)
				.isNotEmpty()
				.isEqualTo(answered.getResponseHeaders().get(securityHeader));
		}
	}

	@Test
	void aPersistedQueryOverGetIsReplayedWithItsCachingHeaders() {
		String id = createThroughGraphQl("Persisted");
		String hash = HexFormat.of().formatHex(sha256(CARD));
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
		String variables = "{\"id\":\"" + id + "\"}";
		get(Map.of("query", CARD, "extensions", extensions, "variables", variables));
		EntityExchangeResult<byte[]> answered = get(Map.of("extensions", extensions, "variables", variables));
		double replays = replays();

		EntityExchangeResult<byte[]> replayed = get(Map.of("extensions", extensions, "variables", variables));

		assertThat(replays()).isEqualTo(replays + 1);
		assertThat(new String(replayed.getResponseBody())).isEqualTo(new String(answered.getResponseBody()))
			.contains("\"name\":\"Persisted\"");
		for (String header : new String[] { HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY }) {
			assertThat(replayed.getResponseHeaders().get(header)).as(header)
				.isNotEmpty()
				.isEqualTo(answered.getResponseHeaders().get(header));
		}
	}

	@Test
	void theNextReadAfterAMutationSeesIt() {
		String id = createThroughGraphQl("Before");
		assertThat(card(READER, id)).contains("\"name\":\"Before\"");
		assertThat(card(READER, id)).contains("\"name\":\"Before\"");

		this.gateway.renameThroughGraphQl(id, "After");

		assertThat(card(READER, id)).contains("\"name\":\"After\"");
	}

	@Test
	void aChangeMadeOutsideTheGatewayIsSeenOnceItsWebhookArrives() {
		String id = createThroughGraphQl("Outside before");
		assertThat(card(READER, id)).contains("\"name\":\"Outside before\"");
		assertThat(card(READER, id)).contains("\"name\":\"Outside before\"");

		this.gateway.rename(id, "Outside after");

		// Far sooner than the response cache's 60 s: the local API's webhook ends it.
		String seen = Eventually.poll(() -> card(READER, id), (answer) -> answer.contains("Outside after"),
				Duration.ofSeconds(5));
		assertThat(seen).contains("\"name\":\"Outside after\"");
	}

	@Test
	void aCallerWithOtherScopesNeverGetsAnotherCallersAnswer() {
		String id = createThroughGraphQl("Scoped");
		card(READER, id);
		card(READER, id);

		// The very request the reader sent, replayed for the reader.
		requestCard(WRITE_ONLY, id).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("FORBIDDEN")
			.jsonPath("$.data.organization")
			.doesNotExist();
	}

	@Test
	void mutationsAndErrorsAreNeverReplayed() {
		String id = createThroughGraphQl("Mutated");
		String rename = "mutation { updateOrganization(input: { id: \"" + id
				+ "\", name: \"Same\" }) { organization { name } } }";
		String missing = "{ organization(id: \"" + GatewayUnderTest.organizationId() + "\") { name } }";
		double executions = executions();
		double replays = replays();

		for (int i = 0; i < 2; i++) {
			assertThat(post(WRITER, rename, Map.of())).contains("\"name\":\"Same\"");
			assertThat(post(WRITER, missing, Map.of())).contains("NOT_FOUND");
		}

		assertThat(executions()).isEqualTo(executions + 4);
		assertThat(replays()).isEqualTo(replays);
	}

	private String createThroughGraphQl(String name) {
		JsonNode created = this.gateway.graphQl(
				"mutation($name: String!) { createOrganization(input: { name: $name }) { organization { id } } }",
				Map.of("name", name));
		String id = created.path("data").path("createOrganization").path("organization").path("id").asString(null);
		assertThat(id).as(created.toString()).isNotNull();
		return id;
	}

	private String card(String apiKey, String id) {
		return new String(cardExchange(apiKey, id).getResponseBody());
	}

	private EntityExchangeResult<byte[]> cardExchange(String apiKey, String id) {
		return requestCard(apiKey, id).expectStatus().isOk().expectBody().returnResult();
	}

	private WebTestClient.ResponseSpec requestCard(String apiKey, String id) {
		return this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-API-Key", apiKey)
			.bodyValue(Map.of("query", CARD, "variables", Map.of("id", id), "operationName", "Card"))
			.exchange();
	}

	private String post(String apiKey, String document, Map<String, Object> variables) {
		return new String(this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-API-Key", apiKey)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private EntityExchangeResult<byte[]> get(Map<String, String> parameters) {
		return this.client.get().uri((uri) -> {
			parameters.keySet().forEach((name) -> uri.queryParam(name, "{" + name + "}"));
			return uri.path("/graphql").build(parameters);
		}).header("X-API-Key", READER).exchange().expectStatus().isOk().expectBody().returnResult();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Operations graphql-java executed, from Spring for GraphQL's observations. */
	private double executions() {
		return this.meters.find("graphql.request").timers().stream().mapToLong((timer) -> timer.count()).sum();
	}

	private double replays() {
		return this.meters.get("cache.gets")
			.tag("cache", ResponseCache.NAME)
			.tag("result", "hit")
			.functionCounter()
			.count();
	}

}
