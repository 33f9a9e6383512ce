package com.organizationsgateway.graphql.documents;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Apollo's Automatic Persisted Queries over POST and GET, and the document cache under
 * them: a repeated operation is parsed once, whether sent as text or as a hash.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// The response cache would replay repeated requests before they reach the
		// document cache under test.
		properties = { "gateway.graphql.documents.persisted-get-max-age=30s",
				"gateway.graphql.response-cache.enabled=false" })
class PersistedQueriesTest {

	@LocalServerPort
	private int port;

	@Autowired
	private ParseCounter parses;

	private WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = TestClients.toPort(this.port);
	}

	@Test
	void aRepeatedOperationIsParsedOnce() {
		String query = "query RepeatedOnce { organizations(first: 2) { edges { node { name } } } }";
		for (int i = 0; i < 3; i++) {
			post(Map.of("query", query)).jsonPath("$.data.organizations.edges.length()").isEqualTo(2);
		}
		assertThat(this.parses.of(query)).isEqualTo(1);
	}

	@Test
	void hashOnlyIsNotFoundThenHashAndQueryRegistersThenHashOnlyAnswers() {
		String query = "query PersistedFirst { organizations(first: 1) { edges { node { name } } } }";
		String hash = Sha256.hex(query);

		post(Map.of("extensions", persisted(hash))).jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.data")
			.doesNotExist();
		post(Map.of("query", query, "extensions", persisted(hash))).jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(1);
		post(Map.of("extensions", persisted(hash))).jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(1)
			.jsonPath("$.errors")
			.doesNotExist();
		assertThat(this.parses.of(query)).isEqualTo(1);
	}

	@Test
	void aDocumentThatDoesNotMatchItsHashIsRefused() {
		String query = "query Mismatched { organizations(first: 1) { edges { node { name } } } }";
		String otherHash = Sha256.hex(query + " ");

		post(Map.of("query", query, "extensions", persisted(otherHash))).jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_HASH_MISMATCH")
			.jsonPath("$.data")
			.doesNotExist();
		// and nothing was stored under the wrong hash
		post(Map.of("extensions", persisted(otherHash))).jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void getRunsPersistedQueriesAndLetsOnlyTheClientCacheSuccessfulOnes() {
		String query = "query PersistedOverGet { organizations(first: 3) { edges { node { name } } } }";
		String hash = Sha256.hex(query);
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";

		get(Map.of("extensions", extensions)).expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		get(Map.of("query", query, "extensions", extensions)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(3);
		get(Map.of("extensions", extensions)).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=30, private")
			.expectHeader()
			.value(HttpHeaders.VARY, containsString(HttpHeaders.AUTHORIZATION))
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(3);
	}

	@Test
	void getRefusesAPersistedMutationNamedOnlyByItsHash() {
		String mutation = "mutation Nothing($id: ID!) { deleteOrganization(input: {id: $id}) { deletedOrganizationId } }";
		String hash = Sha256.hex(mutation);
		// registered over POST; the id does not exist, so nothing is deleted
		post(Map.of("query", mutation, "variables", Map.of("id", "org_01HZZZZZZZZZZZZZZZZZZZZZZZ"), "extensions",
				persisted(hash)));

		get(Map.of("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}", "variables",
				"{\"id\":\"org_01HZZZZZZZZZZZZZZZZZZZZZZZ\"}"))
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST");
	}

	private WebTestClient.BodyContentSpec post(Map<String, Object> body) {
		return this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private WebTestClient.ResponseSpec get(Map<String, String> parameters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString("http://127.0.0.1:" + this.port + "/graphql");
		parameters.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
		URI encoded = uri.encode().buildAndExpand(parameters).toUri();
		return this.client.get().uri(encoded).accept(MediaType.APPLICATION_JSON).exchange();
	}

	private static Map<String, Object> persisted(String hash) {
		Map<String, Object> persistedQuery = new LinkedHashMap<>();
		persistedQuery.put("version", 1);
		persistedQuery.put("sha256Hash", hash);
		return Map.of("persistedQuery", persistedQuery);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ParseCounting {

		@Bean
		ParseCounter parseCounter() {
			return new ParseCounter();
		}

	}

	/**
	 * Counts graphql-java's parses per document text, as its instrumentation sees them.
	 */
	static class ParseCounter extends SimplePerformantInstrumentation {

		private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		@Override
		public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			this.counts.computeIfAbsent(parameters.getQuery(), (query) -> new AtomicInteger()).incrementAndGet();
			return super.beginParse(parameters, state);
		}

		int of(String query) {
			AtomicInteger count = this.counts.get(query);
			return (count != null) ? count.get() : 0;
		}

	}

}
