package com.organizationsgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.organizationsgateway.TestClients;
import com.organizationsgateway.workos.Fixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint over HTTP against the running gateway in local mode, with the
 * local API's own webhooks switched off: a change made directly in the local API stays
 * invisible behind the cache until a signed WorkOS event about it arrives. GraphQL needs
 * an API key here, and the endpoint still takes events without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.local-api.seed=false", "gateway.local-api.webhooks.enabled=false",
				"gateway.webhooks.secret=" + WorkOsWebhookEndpointTest.SECRET, "gateway.webhooks.max-body-size=64KB" })
class WorkOsWebhookEndpointTest {

	static final String SECRET = "whsec_endpoint_test_6f1c9a2b";

	private static final String API_KEY = "webhook-test-reader-3d7e";

	/** {@code printf %s webhook-test-reader-3d7e | sha256sum}. */
	private static final String API_KEY_SHA_256 = "8e2bb7b0d14a031a83aa4814a70f3151c0f900b46bb1ffa45eeb1af22a4ca6a2";

	@DynamicPropertySource
	static void apiKey(DynamicPropertyRegistry registry) {
		registry.add("gateway.security.api-keys[0].name", () -> "webhook-test");
		registry.add("gateway.security.api-keys[0].sha256", () -> API_KEY_SHA_256);
		registry.add("gateway.security.api-keys[0].scopes", () -> "organizations:read,organizations:write");
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	MeterRegistry meters;

	GatewayUnderTest gateway;

	@BeforeEach
	void connect() {
		this.gateway = new GatewayUnderTest(this.port, this.jsonMapper, API_KEY);
	}

	@Test
	void aSignedUpdateMakesTheNextReadShowTheUpstreamsNewState() {
		String id = cachedOrganization("Before");
		ObjectNode renamed = this.gateway.rename(id, "After");
		assertThat(this.gateway.name(id)).as("cached, no webhook yet").isEqualTo("Before");
		double accepted = count("accepted");

		send("organization_updated.json", GatewayUnderTest.eventId(), renamed).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"outcome\":\"accepted\"}");

		assertThat(this.gateway.name(id)).isEqualTo("After");
		assertThat(count("accepted")).isEqualTo(accepted + 1);
	}

	@Test
	void theEndpointNeedsNoCallerCredentialWhileGraphQlDoes() {
		String id = cachedOrganization("Open");
		ObjectNode renamed = this.gateway.rename(id, "Opened");
		WebTestClient anonymous = TestClients.toPort(this.port);
		anonymous.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ __typename }"))
			.exchange()
			.expectStatus()
			.isUnauthorized();

		send("organization_updated.json", GatewayUnderTest.eventId(), renamed).expectStatus().isOk();

		assertThat(this.gateway.name(id)).isEqualTo("Opened");
	}

	record Refusal(String name, int status, String outcome, Function<ObjectNode, Request> request) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	record Request(byte[] body, @Nullable String signature) {

	}

	static List<Refusal> refusals() {
		return List.of(
				new Refusal("wrong signature", 401, "bad_signature",
						(event) -> new Request(bytes(event), "t=" + now() + ", v1=" + "ab".repeat(32))),
				new Refusal("signed with another secret", 401, "bad_signature",
						(event) -> new Request(bytes(event),
								TestSignatures.header("whsec_someone_else", now(), bytes(event)))),
				new Refusal("body changed after signing", 401, "bad_signature",
						(event) -> new Request(bytes(event),
								TestSignatures.header(SECRET, now(),
										bytes(event.deepCopy().put("event", "organization.created"))))),
				new Refusal("signed 181 s ago", 401, "expired",
						(event) -> new Request(bytes(event),
								TestSignatures.header(SECRET, now() - 181_000, bytes(event)))),
				new Refusal("signed 181 s ahead", 401, "expired",
						(event) -> new Request(bytes(event),
								TestSignatures.header(SECRET, now() + 181_000, bytes(event)))),
				new Refusal("no signature header", 401, "bad_signature", (event) -> new Request(bytes(event), null)),
				new Refusal("malformed signature header", 401, "bad_signature",
						(event) -> new Request(bytes(event), "sha256=" + "ab".repeat(32))),
				new Refusal("signed, but not JSON", 400, "malformed",
						(event) -> signed("{\"id\": \"event_1\", \"event\": ".getBytes(StandardCharsets.UTF_8))),
				new Refusal("signed JSON, but no event id", 400, "malformed",
						(event) -> signed(bytes(event.deepCopy().put("id", "")))),
				new Refusal("signed event whose organization has no id", 400, "malformed",
						(event) -> signed(bytes(withoutDataId(event)))),
				new Refusal("larger than the 64 KB cap", 413, "malformed",
						(event) -> signed(bytes(event.deepCopy().put("padding", "x".repeat(70_000))))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void refusedDeliveriesAreCountedAndChangeNothing(Refusal refusal) {
		String id = cachedOrganization("Kept");
		ObjectNode renamed = this.gateway.rename(id, "Changed");
		ObjectNode event = this.gateway.event("organization_updated.json", GatewayUnderTest.eventId(), renamed);
		Request request = refusal.request().apply(event);
		double before = count(refusal.outcome());

		this.gateway.webhook(request.body(), request.signature())
			.expectStatus()
			.isEqualTo(refusal.status())
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo((refusal.status() == 413) ? "payload_too_large" : refusal.outcome());

		assertThat(count(refusal.outcome())).isEqualTo(before + 1);
		assertThat(this.gateway.name(id)).as("still cached").isEqualTo("Kept");
	}

	@Test
	void aRedeliveredEventIdIsAcknowledgedButNotAppliedAgain() {
		String id = cachedOrganization("First");
		String eventId = GatewayUnderTest.eventId();
		send("organization_updated.json", eventId, this.gateway.rename(id, "Second")).expectStatus().isOk();
		assertThat(this.gateway.name(id)).isEqualTo("Second");
		ObjectNode third = this.gateway.rename(id, "Third");
		double repeated = count("repeated");

		send("organization_updated.json", eventId, third).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"outcome\":\"repeated\"}");

		assertThat(count("repeated")).isEqualTo(repeated + 1);
		assertThat(this.gateway.name(id)).as("no second invalidation").isEqualTo("Second");
	}

	@Test
	void anOlderUpdateAfterANewerOneIsIgnored() {
		String id = cachedOrganization("T0");
		ObjectNode newer = this.gateway.rename(id, "T2");
		send("organization_updated.json", GatewayUnderTest.eventId(), newer).expectStatus().isOk();
		assertThat(this.gateway.name(id)).isEqualTo("T2");
		this.gateway.rename(id, "T3");
		ObjectNode older = newer.deepCopy()
			.put("name", "T1")
			.put("updated_at", Instant.parse(newer.get("updated_at").asString()).minusSeconds(60).toString());
		double outdated = count("outdated");

		send("organization_updated.json", GatewayUnderTest.eventId(), older).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"outcome\":\"outdated\"}");

		assertThat(count("outdated")).isEqualTo(outdated + 1);
		assertThat(this.gateway.name(id)).as("not invalidated by the older event").isEqualTo("T2");
	}

	@Test
	void anUpdateAfterTheDeletionNeverBringsTheOrganizationBack() {
		String id = cachedOrganization("Doomed");
		ObjectNode last = this.gateway.rename(id, "Doomed");
		this.gateway.delete(id);
		send("organization_deleted.json", GatewayUnderTest.eventId(), last).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"outcome\":\"accepted\"}");
		assertThat(this.gateway.name(id)).isNull();
		ObjectNode later = last.deepCopy()
			.put("name", "Resurrected")
			.put("updated_at", Instant.parse(last.get("updated_at").asString()).plusSeconds(60).toString());

		send("organization_updated.json", GatewayUnderTest.eventId(), later).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"outcome\":\"outdated\"}");
		assertThat(this.gateway.name(id)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "organization_domain_created.json", "organization_domain_updated.json",
			"organization_domain_deleted.json", "organization_domain_verified.json" })
	void aDomainEventMakesTheCacheForgetItsOrganization(String fixture) {
		String id = cachedOrganization("Domain");
		this.gateway.rename(id, "Domain changed");
		ObjectNode data = (ObjectNode) this.jsonMapper.readTree(Fixtures.read("workos-go/testdata/" + fixture))
			.get("data");
		data.put("organization_id", id);
		data.put("id", GatewayUnderTest.domainId());

		send(fixture, GatewayUnderTest.eventId(), data).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"outcome\":\"accepted\"}");

		assertThat(this.gateway.name(id)).isEqualTo("Domain changed");
	}

	@Test
	void aDomainChangeLearntTwiceIsOneChangeAndARemovedDomainStaysRemoved() {
		String id = cachedOrganization("Domain twice");
		ObjectNode data = (ObjectNode) this.jsonMapper
			.readTree(Fixtures.read("workos-go/testdata/organization_domain_updated.json"))
			.get("data");
		data.put("organization_id", id).put("id", GatewayUnderTest.domainId());
		ObjectNode later = data.deepCopy().put("updated_at", "2026-01-15T12:01:00.000Z");
		ObjectNode afterRemoval = data.deepCopy().put("updated_at", "2026-01-15T12:02:00.000Z");

		send("organization_domain_updated.json", GatewayUnderTest.eventId(), data).expectBody()
			.json("{\"outcome\":\"accepted\"}");
		send("organization_domain_verified.json", GatewayUnderTest.eventId(), data).expectBody()
			.json("{\"outcome\":\"repeated\"}");
		send("organization_domain_updated.json", GatewayUnderTest.eventId(), later).expectBody()
			.json("{\"outcome\":\"accepted\"}");
		send("organization_domain_updated.json", GatewayUnderTest.eventId(), data).expectBody()
			.json("{\"outcome\":\"outdated\"}");
		send("organization_domain_deleted.json", GatewayUnderTest.eventId(), later).expectBody()
			.json("{\"outcome\":\"accepted\"}");
		send("organization_domain_updated.json", GatewayUnderTest.eventId(), afterRemoval).expectBody()
			.json("{\"outcome\":\"outdated\"}");
	}

	@Test
	void aFailedDomainVerificationMakesTheCacheForgetItsOrganization() {
		String id = cachedOrganization("Unverified");
		this.gateway.rename(id, "Unverified changed");
		ObjectNode data = (ObjectNode) this.jsonMapper
			.readTree(Fixtures.read("workos-go/testdata/organization_domain_verification_failed.json"))
			.get("data");
		((ObjectNode) data.get("organization_domain")).put("organization_id", id)
			.put("id", GatewayUnderTest.domainId());

		send("organization_domain_verification_failed.json", GatewayUnderTest.eventId(), data).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"outcome\":\"accepted\"}");

		assertThat(this.gateway.name(id)).isEqualTo("Unverified changed");
	}

	/** Every organization fixture from workos-go, as WorkOS sends it, is taken. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "organization_created.json", "organization_updated.json", "organization_deleted.json",
			"organization_domain_created.json", "organization_domain_updated.json", "organization_domain_deleted.json",
			"organization_domain_verified.json", "organization_domain_verification_failed.json" })
	void everyWorkOsFixtureIsAccepted(String fixture) {
		ObjectNode event = (ObjectNode) this.jsonMapper.readTree(Fixtures.read("workos-go/testdata/" + fixture));
		event.put("id", GatewayUnderTest.eventId());
		// a fresh organization each time, so that the fixtures' shared ids and
		// timestamps do not make one a repeat of another
		String organizationId = GatewayUnderTest.organizationId();
		ObjectNode data = (ObjectNode) event.get("data");
		if (data.has("organization_domain")) {
			((ObjectNode) data.get("organization_domain")).put("organization_id", organizationId)
				.put("id", GatewayUnderTest.domainId());
		}
		else if (data.path("object").asString().equals("organization")) {
			data.put("id", organizationId);
		}
		else {
			data.put("organization_id", organizationId).put("id", GatewayUnderTest.domainId());
		}
		byte[] body = this.gateway.bytes(event);

		this.gateway.webhook(body, TestSignatures.header(SECRET, Instant.now().toEpochMilli(), body))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"outcome\":\"accepted\"}");
	}

	@Test
	void anEventTypeTheGatewayHasNoUseForIsAcknowledgedAndIgnored() {
		double ignored = count("ignored");
		ObjectNode event = this.gateway.event("organization_created.json", GatewayUnderTest.eventId(),
				this.jsonMapper.createObjectNode().put("id", "user_01EHWNCE74X7JSDV0X3SZ3KJNY"));
		event.put("event", "user.created");
		byte[] body = this.gateway.bytes(event);

		this.gateway.webhook(body, TestSignatures.header(SECRET, Instant.now().toEpochMilli(), body))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"outcome\":\"ignored\"}");

		assertThat(count("ignored")).isEqualTo(ignored + 1);
	}

	/** Created directly in the local API, then read once through GraphQL to cache it. */
	private String cachedOrganization(String name) {
		String id = this.gateway.create(name).get("id").asString();
		assertThat(this.gateway.name(id)).isEqualTo(name);
		return id;
	}

	private WebTestClient.ResponseSpec send(String fixture, String eventId, JsonNode data) {
		byte[] body = this.gateway.bytes(this.gateway.event(fixture, eventId, data));
		return this.gateway.webhook(body, TestSignatures.header(SECRET, Instant.now().toEpochMilli(), body));
	}

	private double count(String outcome) {
		return this.meters.get("gateway.webhooks").tag("outcome", outcome).counter().count();
	}

	private static byte[] bytes(ObjectNode event) {
		return event.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Request signed(byte[] body) {
		return new Request(body, TestSignatures.header(SECRET, now(), body));
	}

	/** Read when the request is made, so that the table's dates never go stale. */
	private static long now() {
		return Instant.now().toEpochMilli();
	}

	private static ObjectNode withoutDataId(ObjectNode event) {
		ObjectNode copy = event.deepCopy();
		((ObjectNode) copy.get("data")).remove("id");
		return copy;
	}

}
