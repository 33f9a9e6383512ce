package com.organizationsgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.organizationsgateway.TestClients;
import com.organizationsgateway.workos.Fixtures;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running gateway in local mode as the webhook tests use it: its local REST API
 * (changed directly, as a WorkOS SDK would), its GraphQL API (read through the cache),
 * and its webhook endpoint.
 */
public final class GatewayUnderTest {

	private final WebTestClient client;

	private final JsonMapper jsonMapper;

	private final @Nullable String apiKey;

	public GatewayUnderTest(int port, JsonMapper jsonMapper, @Nullable String apiKey) {
		this.client = TestClients.toPort(port);
		this.jsonMapper = jsonMapper;
		this.apiKey = apiKey;
	}

	/** A fresh, valid-looking organization id: {@code org_} + 26 Crockford characters. */
	public static String organizationId() {
		String digits = UUID.randomUUID().toString().replace("-", "").toUpperCase().replaceAll("[ILOU]", "Z");
		return "org_01" + digits.substring(0, 24);
	}

	/**
	 * A fresh, well-formed domain id: the gateway orders domain events by domain, so
	 * fixtures that share one would repeat each other.
	 */
	public static String domainId() {
		return "org_domain_" + organizationId().substring("org_".length());
	}

	/** Creates directly in the local API; the organization as it answers. */
	public ObjectNode create(String name) {
		return localApi(this.client.post()
			.uri("/organizations")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_webhooks")
			.bodyValue(Map.of("name", name, "domain_data",
					List.of(Map.of("domain", UUID.randomUUID() + ".example.com", "state", "pending"))))
			.exchange()
			.expectStatus()
			.isCreated());
	}

	/** Renames directly in the local API; the organization as it answers. */
	public ObjectNode rename(String id, String name) {
		return localApi(this.client.put()
			.uri("/organizations/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_webhooks")
			.bodyValue(Map.of("name", name))
			.exchange()
			.expectStatus()
			.isOk());
	}

	public void delete(String id) {
		this.client.delete()
			.uri("/organizations/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_webhooks")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	/** The organization's name as GraphQL answers it, or null when there is none. */
	public @Nullable String name(String id) {
		return graphQl("query($id: ID) { organization(id: $id) { name } }", Map.of("id", id)).path("data")
			.path("organization")
			.path("name")
			.asString(null);
	}

	/** Renames through GraphQL; the {@code updatedAt} it answers. */
	public String renameThroughGraphQl(String id, String name) {
		JsonNode answer = graphQl(
				"mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { updatedAt } } }",
				Map.of("input", Map.of("id", id, "name", name)));
		String updatedAt = answer.path("data")
			.path("updateOrganization")
			.path("organization")
			.path("updatedAt")
			.asString(null);
		assertThat(updatedAt).as(answer.toString()).isNotNull();
		return updatedAt;
	}

	public JsonNode graphQl(String document, Map<String, Object> variables) {
		byte[] body = this.client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (this.apiKey != null) {
				headers.set("X-API-Key", this.apiKey);
			}
		})
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.jsonMapper.readTree(body);
	}

	/** Posts raw bytes to the webhook endpoint with this signature header, if any. */
	public WebTestClient.ResponseSpec webhook(byte[] body, @Nullable String signature) {
		return this.client.post()
			.uri(WebhookConfiguration.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (signature != null) {
					headers.set("WorkOS-Signature", signature);
				}
			})
			.bodyValue(body)
			.exchange();
	}

	/** A WorkOS event in the shape of the workos-go fixture of its type. */
	public ObjectNode event(String fixture, String eventId, JsonNode data) {
		ObjectNode event = (ObjectNode) this.jsonMapper.readTree(Fixtures.read("workos-go/testdata/" + fixture));
		event.put("id", eventId);
		event.set("data", data);
		return event;
	}

	public byte[] bytes(JsonNode json) {
		return this.jsonMapper.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
	}

	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	public static String eventId() {
		return "event_" + UUID.randomUUID().toString().replace("-", "").toUpperCase().substring(0, 26);
	}

	private ObjectNode localApi(WebTestClient.ResponseSpec response) {
		EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
		return (ObjectNode) this.jsonMapper.readTree(result.getResponseBody());
	}

}
