package com.organizationsgateway.local;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /organization_domains} as WorkOS answers it: 201 with a pending DNS domain, 409
 * when an organization holds the domain, 404 for unknown ids, verification driven by TXT
 * records published at {@code /local/dns/txt/{name}}, 400 for a domain verified already,
 * and a delete that answers 204 without a body. Every change shows in the organization's
 * {@code domains}.
 */
class OrganizationDomainsTests extends LocalApiTestSupport {

	@Test
	void anAddedDomainIsPendingDnsVerificationAndShowsInItsOrganization() {
		String token = LocalApi.unique();
		String organizationId = organization(token);

		JsonNode domain = add(organizationId, "Add-" + token + ".Example.COM").expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(domain.propertyNames()).containsExactly("object", "id", "organization_id", "domain", "state",
				"verification_strategy", "verification_token", "verification_prefix", "created_at", "updated_at");
		assertThat(domain.get("object").stringValue()).isEqualTo("organization_domain");
		assertThat(domain.get("id").stringValue()).matches("org_domain_" + LocalApi.ULID);
		assertThat(domain.get("organization_id").stringValue()).isEqualTo(organizationId);
		assertThat(domain.get("domain").stringValue()).isEqualTo("add-" + token + ".example.com");
		assertThat(domain.get("state").stringValue()).isEqualTo("pending");
		assertThat(domain.get("verification_strategy").stringValue()).isEqualTo("dns");
		assertThat(domain.get("verification_token").stringValue()).matches("[A-Za-z0-9]{25}");
		assertThat(domain.get("verification_prefix").stringValue()).matches("superapp-domain-verification-[a-z0-9]{6}");
		assertThat(domain.get("created_at").stringValue()).matches(LocalApi.TIMESTAMP);
		assertThat(this.api.getOk("/organization_domains/" + domain.get("id").stringValue())).isEqualTo(domain);
		assertThat(this.api.getOk("/organizations/" + organizationId).get("domains")).containsExactly(domain);
	}

	@Test
	void aDomainHeldByAnyOrganizationIsAConflict() {
		String token = LocalApi.unique();
		String holder = organization(token + "-holder");
		String other = organization(token + "-other");
		String domain = "held-" + token + ".com";
		add(holder, domain).expectStatus().isCreated();

		add(other, domain).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("domain_already_exists")
			.jsonPath("$.message")
			.isEqualTo("The domain " + domain + " already belongs to another organization.");
		add(holder, domain.toUpperCase()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Domain already exists for this organization.");
		this.api.post("{\"name\":\"Third\",\"domain_data\":[{\"domain\":\"" + domain + "\",\"state\":\"pending\"}]}")
			.expectStatus()
			.isEqualTo(409);
		assertThat(this.api.getOk("/organizations/" + other).get("domains")).isEmpty();
	}

	@Test
	void invalidRequestsAreRefusedWithTheFieldNamed() {
		String organizationId = organization(LocalApi.unique());
		expect422("{\"domain\":\"not a domain\",\"organization_id\":\"" + organizationId + "\"}", "domain");
		expect422("{\"domain\":\"nodot\",\"organization_id\":\"" + organizationId + "\"}", "domain");
		expect422("{\"organization_id\":\"" + organizationId + "\"}", "domain");
		expect422("{\"domain\":\"gmail.com\",\"organization_id\":\"" + organizationId + "\"}", "domain");
		expect422("{\"domain\":\"ok-" + LocalApi.unique() + ".com\"}", "organization_id");
		expect422("{\"domain\":\"ok-" + LocalApi.unique() + ".com\",\"organization_id\":7}", "organization_id");
		this.api.client.post()
			.uri("/organization_domains")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{nope")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_json");
	}

	@Test
	void unknownIdsAre404() {
		String missingOrganization = "org_01EHZNVPK3SFK441A1RGBFSHRT";
		String missingDomain = "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A";
		add(missingOrganization, "orphan-" + LocalApi.unique() + ".com").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.entity_id")
			.isEqualTo(missingOrganization);
		this.api.get("/organization_domains/" + missingDomain)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("entity_not_found")
			.jsonPath("$.entity_id")
			.isEqualTo(missingDomain);
		verify(missingDomain).expectStatus().isNotFound();
		delete(missingDomain).expectStatus().isNotFound();
	}

	@Test
	void verifyWithoutThePublishedRecordLeavesTheDomainPendingAndWithItVerifiesIt() {
		String token = LocalApi.unique();
		String organizationId = organization(token);
		String name = "verify-" + token + ".com";
		JsonNode added = body(add(organizationId, name).expectStatus().isCreated());
		String id = added.get("id").stringValue();

		JsonNode unproven = body(verify(id).expectStatus().isCreated());
		assertThat(unproven).as("nothing published: unchanged").isEqualTo(added);
		publish(name, "v=spf1 -all", "verification_token=wrong").expectStatus().isOk();
		assertThat(body(verify(id).expectStatus().isCreated()).get("state").stringValue()).isEqualTo("pending");

		publish(name.toUpperCase() + ".", "v=spf1 -all",
				"verification_token=" + added.get("verification_token").stringValue())
			.expectStatus()
			.isOk();
		JsonNode verified = body(verify(id).expectStatus().isCreated());

		assertThat(verified.get("state").stringValue()).isEqualTo("verified");
		assertThat(verified.get("verification_strategy").stringValue()).isEqualTo("dns");
		assertThat(verified.get("verification_token")).isEqualTo(added.get("verification_token"));
		assertThat(verified.get("updated_at").stringValue()).isGreaterThan(added.get("updated_at").stringValue());
		assertThat(this.api.getOk("/organization_domains/" + id)).isEqualTo(verified);
		assertThat(this.api.getOk("/organizations/" + organizationId).get("domains")).containsExactly(verified);
		verify(id).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("domain_already_verified");
	}

	@Test
	void aManuallyVerifiedDomainCannotBeVerifiedAgain() {
		String token = LocalApi.unique();
		JsonNode organization = this.api.create("{\"name\":\"Manual " + token
				+ "\",\"domain_data\":[{\"domain\":\"manual-" + token + ".com\",\"state\":\"verified\"}]}");
		String id = organization.get("domains").get(0).get("id").stringValue();

		assertThat(this.api.getOk("/organization_domains/" + id).get("verification_strategy").stringValue())
			.isEqualTo("manual");
		verify(id).expectStatus().isBadRequest();
	}

	@Test
	void deleteAnswers204WithoutABodyAndTheDomainIsGoneEverywhere() {
		String token = LocalApi.unique();
		String organizationId = organization(token);
		String name = "gone-" + token + ".com";
		String id = body(add(organizationId, name).expectStatus().isCreated()).get("id").stringValue();

		delete(id).expectStatus().isNoContent().expectBody().isEmpty();

		this.api.get("/organization_domains/" + id).expectStatus().isNotFound();
		assertThat(this.api.getOk("/organizations/" + organizationId).get("domains")).isEmpty();
		delete(id).expectStatus().isNotFound();
		// the name is free again, for any organization
		add(organization(token + "-next"), name).expectStatus().isCreated();
	}

	@Test
	void aRepeatedIdempotencyKeyReplaysTheFirstAdd() {
		String token = LocalApi.unique();
		String body = "{\"domain\":\"once-" + token + ".com\",\"organization_id\":\"" + organization(token) + "\"}";
		byte[] first = post(body, "key-" + token).expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody();

		byte[] second = post(body, "key-" + token).expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody();

		assertThat(second).isEqualTo(first);
	}

	@Test
	void wrongMethodsAre405AndMissingKeysAre401() {
		this.api.get("/organization_domains").expectStatus().isEqualTo(405).expectHeader().valueEquals("Allow", "POST");
		this.api.client.put()
			.uri("/organization_domains/org_domain_01EHZNVPK2QXHMVWCEDQEKY69A")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals("Allow", "GET, DELETE");
		this.api.anonymous.get()
			.uri("/organization_domains/org_domain_01EHZNVPK2QXHMVWCEDQEKY69A")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.api.anonymous.put().uri("/local/dns/txt/example.com").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void txtRecordsArePublishedReadAndWithdrawn() {
		String name = "dns-" + LocalApi.unique() + ".com";

		publish(name, "verification_token=abc").expectStatus().isOk();

		this.api.get("/local/dns/txt/" + name.toUpperCase())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(name)
			.jsonPath("$.values[0]")
			.isEqualTo("verification_token=abc");
		this.api.client.delete().uri("/local/dns/txt/" + name).exchange().expectStatus().isNoContent();
		this.api.get("/local/dns/txt/" + name).expectStatus().isNotFound();
		this.api.client.put()
			.uri("/local/dns/txt/not_a_name")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"values\":[\"x\"]}")
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		this.api.client.put()
			.uri("/local/dns/txt/" + name)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"values\":[]}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("values");
	}

	private String organization(String token) {
		return this.api.create("{\"name\":\"Domains " + token + "\"}").get("id").stringValue();
	}

	private WebTestClient.ResponseSpec add(String organizationId, String domain) {
		return post("{\"domain\":\"" + domain + "\",\"organization_id\":\"" + organizationId + "\"}", null);
	}

	private WebTestClient.ResponseSpec post(String body, String idempotencyKey) {
		return this.api.client.post().uri("/organization_domains").headers((headers) -> {
			if (idempotencyKey != null) {
				headers.set("Idempotency-Key", idempotencyKey);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec verify(String id) {
		return this.api.client.post()
			.uri("/organization_domains/{id}/verify", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange();
	}

	private WebTestClient.ResponseSpec delete(String id) {
		return this.api.client.delete().uri("/organization_domains/{id}", id).exchange();
	}

	private WebTestClient.ResponseSpec publish(String name, String... values) {
		return this.api.client.put()
			.uri("/local/dns/txt/{name}", name)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.bodyValue(this.jsonMapper.writeValueAsString(Map.of("values", List.of(values))))
			.exchange();
	}

	private JsonNode body(WebTestClient.ResponseSpec response) {
		return this.api.tree(response.expectBody().returnResult().getResponseBody());
	}

	private void expect422(String body, String field) {
		post(body, null).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_request_parameters")
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

}
