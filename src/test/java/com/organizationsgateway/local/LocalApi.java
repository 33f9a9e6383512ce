package com.organizationsgateway.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.TestClients;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small client of the local API for tests: a WebTestClient over real HTTP with a valid
 * key, plus helpers that read bodies as JSON trees.
 */
final class LocalApi {

	static final String KEY = "Bearer sk_test_local";

	static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";

	static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	final WebTestClient client;

	final WebTestClient anonymous;

	final JsonMapper jsonMapper;

	final String baseUrl;

	LocalApi(int port, JsonMapper jsonMapper) {
		this.baseUrl = "http://localhost:" + port;
		this.anonymous = TestClients.to(this.baseUrl);
		this.client = this.anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, KEY).build();
		this.jsonMapper = jsonMapper;
	}

	/** A lower-case token that makes names, domains and external ids unique per test. */
	static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	WebTestClient.ResponseSpec post(String json) {
		return this.client.post()
			.uri("/organizations")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	WebTestClient.ResponseSpec put(String id, String json) {
		return this.client.put()
			.uri("/organizations/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	WebTestClient.ResponseSpec get(String pathAndQuery) {
		return this.client.get().uri(URI.create(this.baseUrl + pathAndQuery)).exchange();
	}

	JsonNode create(String json) {
		return tree(post(json).expectStatus().isCreated().expectBody().returnResult().getResponseBody());
	}

	JsonNode update(String id, String json) {
		return tree(put(id, json).expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	JsonNode getOk(String pathAndQuery) {
		return tree(get(pathAndQuery).expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	JsonNode tree(byte @Nullable [] body) {
		assertThat(body).isNotNull();
		return this.jsonMapper.readTree(body);
	}

	static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.get("data").forEach((organization) -> ids.add(organization.get("id").stringValue()));
		return ids;
	}

	static @Nullable String text(JsonNode node) {
		return node.isNull() ? null : node.stringValue();
	}

}
