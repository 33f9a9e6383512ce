package com.organizationsgateway.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.webhook.Eventually;
import com.organizationsgateway.webhook.TestSignatures;
import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.StubWorkOsServer.RecordedRequest;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local API's webhooks as a receiver sees them, at a configured target (a loopback
 * stub): one per create, update and delete of an organization or a domain, in order,
 * signed as WorkOS documents it (checked with the tests' own verifier), carrying the
 * organization exactly as the API answered, and retried when the receiver fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.local-api.seed=false", "gateway.workos.api-key=",
				"gateway.local-api.webhooks.secret=" + LocalApiWebhooksTest.SECRET,
				"gateway.local-api.webhooks.initial-backoff=50ms" })
class LocalApiWebhooksTest {

	static final String SECRET = "whsec_local_api_test_51c0";

	@RegisterExtension
	static final StubWorkOsServer receiver = new StubWorkOsServer();

	private static final Duration BOUND = Duration.ofSeconds(20);

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registry.add("gateway.local-api.webhooks.target-url", () -> receiver.baseUrl() + "/hooks");
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper jsonMapper;

	@Test
	void eachChangeIsDeliveredInOrderSignedAndWithTheOrganizationAsTheApiAnswered() {
		LocalApi api = new LocalApi(this.port, this.jsonMapper);
		String tag = LocalApi.unique();
		JsonNode created = api.create("{\"name\":\"Hooked " + tag + "\"}");
		String id = created.get("id").asString();
		JsonNode updated = api.update(id, "{\"name\":\"Hooked again " + tag + "\"}");
		api.client.delete().uri("/organizations/{id}", id).exchange().expectStatus().is2xxSuccessful();

		List<RecordedRequest> hooks = Eventually.poll(() -> hooksFor(id), (found) -> found.size() >= 3, BOUND);

		assertThat(hooks).hasSize(3);
		List<JsonNode> events = hooks.stream().map((hook) -> this.jsonMapper.readTree(hook.body())).toList();
		assertThat(events).extracting((event) -> event.get("event").asString())
			.containsExactly("organization.created", "organization.updated", "organization.deleted");
		assertThat(events.get(0).get("data")).isEqualTo(created);
		assertThat(events.get(1).get("data")).isEqualTo(updated);
		assertThat(events.get(2).get("data")).as("as last seen").isEqualTo(updated);
		assertThat(events.get(1).get("data").get("updated_at").asString())
			.isEqualTo(updated.get("updated_at").asString());
		for (int i = 0; i < hooks.size(); i++) {
			RecordedRequest hook = hooks.get(i);
			JsonNode event = events.get(i);
			assertThat(hook.method()).isEqualTo("POST");
			assertThat(hook.path()).isEqualTo("/hooks");
			assertThat(hook.header("Content-Type")).isEqualTo("application/json");
			String signature = hook.header("WorkOS-Signature");
			assertThat(TestSignatures.verifies(signature, SECRET, hook.body().getBytes(StandardCharsets.UTF_8)))
				.as(signature)
				.isTrue();
			assertThat(TestSignatures.verifies(signature, "whsec_other", hook.body().getBytes(StandardCharsets.UTF_8)))
				.isFalse();
			assertThat(Instant.ofEpochMilli(TestSignatures.timestamp(signature)))
				.isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
			assertThat(event.propertyNames()).containsExactly("object", "id", "event", "data", "created_at");
			assertThat(event.get("object").asString()).isEqualTo("event");
			assertThat(event.get("id").asString()).matches("event_" + LocalApi.ULID);
			assertThat(event.get("created_at").asString()).matches(LocalApi.TIMESTAMP);
		}
		assertThat(events).extracting((event) -> event.get("id").asString()).doesNotHaveDuplicates();
	}

	@Test
	void aFailedDeliveryIsRetriedWithTheSameEvent() {
		LocalApi api = new LocalApi(this.port, this.jsonMapper);
		String name = "Retried " + LocalApi.unique();
		int[] attempts = { 0 };
		receiver.respond((request) -> request.body().contains(name) && attempts[0]++ < 2 ? StubResponse.json(503, "{}")
				: StubResponse.json(200, "{}"));
		try {
			String id = api.create("{\"name\":\"" + name + "\"}").get("id").asString();

			List<RecordedRequest> hooks = Eventually.poll(() -> hooksFor(id), (found) -> found.size() >= 3, BOUND);

			assertThat(hooks).hasSize(3);
			assertThat(hooks).extracting(RecordedRequest::body).containsOnly(hooks.get(0).body());
		}
		finally {
			receiver.respond(StubResponse.json(200, "{}"));
		}
	}

	@Test
	void eachDomainChangeIsDeliveredSignedWithTheDomainAsTheApiAnswered() {
		LocalApi api = new LocalApi(this.port, this.jsonMapper);
		String tag = LocalApi.unique();
		String organizationId = api.create("{\"name\":\"Domains " + tag + "\"}").get("id").asString();
		String name = "hooked-" + tag + ".com";
		JsonNode added = api.tree(api.client.post()
			.uri("/organization_domains")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"domain\":\"" + name + "\",\"organization_id\":\"" + organizationId + "\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody());
		String id = added.get("id").asString();
		api.client.put()
			.uri("/local/dns/txt/{name}", name)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"values\":[\"verification_token=" + added.get("verification_token").asString() + "\"]}")
			.exchange()
			.expectStatus()
			.isOk();
		JsonNode verified = api.tree(api.client.post()
			.uri("/organization_domains/{id}/verify", id)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody());
		api.client.delete().uri("/organization_domains/{id}", id).exchange().expectStatus().isNoContent();

		List<RecordedRequest> hooks = Eventually.poll(() -> hooksFor(id), (found) -> found.size() >= 3, BOUND);

		assertThat(hooks).hasSize(3);
		List<JsonNode> events = hooks.stream().map((hook) -> this.jsonMapper.readTree(hook.body())).toList();
		assertThat(events).extracting((event) -> event.get("event").asString())
			.containsExactly("organization_domain.created", "organization_domain.verified",
					"organization_domain.deleted");
		assertThat(events.get(0).get("data")).isEqualTo(added);
		assertThat(events.get(1).get("data")).isEqualTo(verified);
		assertThat(events.get(2).get("data")).as("as last seen").isEqualTo(verified);
		for (RecordedRequest hook : hooks) {
			assertThat(TestSignatures.verifies(hook.header("WorkOS-Signature"), SECRET,
					hook.body().getBytes(StandardCharsets.UTF_8)))
				.isTrue();
		}
		assertThat(receiver.requests()
			.stream()
			.filter((hook) -> hook.body().contains(organizationId))
			.map((hook) -> this.jsonMapper.readTree(hook.body()).get("event").asString()))
			.as("every event about the organization: no organization.updated for its domain changes")
			.containsExactly("organization.created", "organization_domain.created", "organization_domain.verified",
					"organization_domain.deleted");
	}

	private static List<RecordedRequest> hooksFor(String organizationId) {
		return receiver.requests()
			.stream()
			.filter((request) -> request.body().contains("\"id\":\"" + organizationId + "\""))
			.toList();
	}

}
