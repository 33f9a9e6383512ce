package com.organizationsgateway.local;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.test.json.JsonCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partial updates (omitted versus null, metadata merging, domain replacement), uniqueness
 * and delete.
 */
class UpdateAndDeleteOrganizationTests extends LocalApiTestSupport {

	@Test
	void omittedFieldsStayAndUpdatedAtMoves() throws InterruptedException {
		String token = LocalApi.unique();
		JsonNode created = this.api.create("""
				{"name":"Before %1$s","external_id":"keep-%1$s","metadata":{"a":"1"},
				 "domain_data":[{"domain":"keep-%1$s.com","state":"verified"}]}""".formatted(token));
		Thread.sleep(5);
		JsonNode updated = this.api.update(created.get("id").stringValue(), "{\"name\":\"After " + token + "\"}");
		assertThat(updated.get("name").stringValue()).isEqualTo("After " + token);
		assertThat(updated.get("external_id")).isEqualTo(created.get("external_id"));
		assertThat(updated.get("metadata")).isEqualTo(created.get("metadata"));
		assertThat(updated.get("domains")).isEqualTo(created.get("domains"));
		assertThat(updated.get("created_at")).isEqualTo(created.get("created_at"));
		assertThat(updated.get("updated_at").stringValue()).matches(LocalApi.TIMESTAMP)
			.isGreaterThan(created.get("updated_at").stringValue());
	}

	@Test
	void emptyBodyChangesNothing() {
		JsonNode created = this.api.create("{\"name\":\"Empty " + LocalApi.unique() + "\"}");
		JsonNode updated = this.api.update(created.get("id").stringValue(), "");
		assertThat(updated.get("name")).isEqualTo(created.get("name"));
	}

	@Test
	void metadataIsMergedAndNullDeletesKeys() {
		String id = this.api.create("{\"name\":\"Meta\",\"metadata\":{\"a\":\"1\",\"b\":\"2\"}}")
			.get("id")
			.stringValue();
		assertThat(this.api.update(id, "{\"metadata\":{\"a\":null,\"c\":\"3\",\"b\":\"two\"}}").get("metadata"))
			.isEqualTo(this.api.tree("{\"b\":\"two\",\"c\":\"3\"}".getBytes()));
		assertThat(this.api.update(id, "{\"metadata\":{}}").get("metadata").size()).isZero();
		this.api.update(id, "{\"metadata\":{\"x\":\"y\"}}");
		assertThat(this.api.update(id, "{\"metadata\":null}").get("metadata").size()).isZero();
	}

	@Test
	void metadataLimitsApplyToTheMergedResult() {
		StringBuilder fifty = new StringBuilder();
		for (int i = 0; i < 50; i++) {
			fifty.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
		}
		String id = this.api.create("{\"name\":\"Full\",\"metadata\":{" + fifty + "}}").get("id").stringValue();
		this.api.put(id, "{\"metadata\":{\"one_more\":\"v\"}}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_metadata");
		// replacing one key keeps it at 50
		this.api.update(id, "{\"metadata\":{\"k1\":null,\"one_more\":\"v\"}}");
		this.api.put(id, "{\"metadata\":{\"k2\":5}}").expectStatus().isBadRequest();
	}

	@Test
	void externalIdAndStripeCustomerIdAreSetAndClearedByNull() {
		String token = LocalApi.unique();
		String id = this.api.create("{\"name\":\"Ids\",\"external_id\":\"ext-" + token + "\"}").get("id").stringValue();
		JsonNode withStripe = this.api.update(id, "{\"stripe_customer_id\":\"cus_" + token + "\"}");
		assertThat(withStripe.get("stripe_customer_id").stringValue()).isEqualTo("cus_" + token);
		assertThat(withStripe.get("external_id").stringValue()).isEqualTo("ext-" + token);
		// its own external id is not a conflict
		this.api.update(id, "{\"external_id\":\"ext-" + token + "\"}");
		JsonNode cleared = this.api.update(id, "{\"stripe_customer_id\":null,\"external_id\":null}");
		assertThat(cleared.has("stripe_customer_id")).isFalse();
		assertThat(cleared.get("external_id").isNull()).isTrue();
		// cleared values are free again
		this.api.create("{\"name\":\"Reuse\",\"external_id\":\"ext-" + token + "\"}");
		this.api.get("/organizations/external_id/ext-" + token)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Reuse");
	}

	@Test
	void updateRefusesBadValues() {
		String id = this.api.create("{\"name\":\"Bad\"}").get("id").stringValue();
		this.api.put(id, "{\"name\":\"\"}").expectStatus().isEqualTo(422);
		this.api.put(id, "{\"name\":null}").expectStatus().isEqualTo(422);
		this.api.put(id, "{\"external_id\":\"" + "e".repeat(129) + "\"}").expectStatus().isEqualTo(422);
		this.api.put(id, "{\"stripe_customer_id\":12}").expectStatus().isEqualTo(422);
		this.api.put(id, "{\"domain_data\":[{\"domain\":\"x.com\",\"state\":\"legacy_verified\"}]}")
			.expectStatus()
			.isEqualTo(422);
		this.api.put(id, "{oops").expectStatus().isBadRequest();
	}

	@Test
	void updateOfUnknownIdIs404() {
		this.api.put("org_01EHWNCE74X7JSDV0X3SZ3KJNY", "{\"name\":\"x\"}")
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.entity_id")
			.isEqualTo("org_01EHWNCE74X7JSDV0X3SZ3KJNY");
	}

	@Test
	void domainDataReplacesTheDomainSetKeepingSurvivors() {
		String token = LocalApi.unique();
		JsonNode created = this.api.create("""
				{"name":"Domains","domain_data":[{"domain":"a-%1$s.com","state":"pending"},
				 {"domain":"b-%1$s.com","state":"verified"},{"domain":"c-%1$s.com","state":"pending"}]}"""
			.formatted(token));
		String id = created.get("id").stringValue();
		JsonNode b = created.get("domains").get(1);
		JsonNode c = created.get("domains").get(2);
		JsonNode updated = this.api.update(id, """
				{"domain_data":[{"domain":"b-%1$s.com","state":"verified"},{"domain":"c-%1$s.com","state":"verified"},
				 {"domain":"d-%1$s.com","state":"pending"}]}""".formatted(token));
		JsonNode domains = updated.get("domains");
		assertThat(domains.size()).isEqualTo(3);
		assertThat(domains.get(0)).isEqualTo(b);
		assertThat(domains.get(1).get("id")).isEqualTo(c.get("id"));
		assertThat(domains.get(1).get("created_at")).isEqualTo(c.get("created_at"));
		assertThat(domains.get(1).get("state").stringValue()).isEqualTo("verified");
		assertThat(domains.get(1).get("verification_strategy").stringValue()).isEqualTo("manual");
		assertThat(domains.get(1).get("verification_token").isNull()).isTrue();
		assertThat(domains.get(2).get("domain").stringValue()).isEqualTo("d-" + token + ".com");
		assertThat(domains.get(2).get("id").stringValue()).matches("org_domain_" + LocalApi.ULID);
		// the dropped domain is free for another organization
		this.api.create(
				"{\"name\":\"Taker\",\"domain_data\":[{\"domain\":\"a-" + token + ".com\",\"state\":\"pending\"}]}");
		// an empty list clears all domains
		assertThat(this.api.update(id, "{\"domain_data\":[]}").get("domains").size()).isZero();
	}

	@Test
	void duplicateExternalIdIs400() {
		String token = LocalApi.unique();
		this.api.create("{\"name\":\"One\",\"external_id\":\"dup-" + token + "\"}");
		this.api.post("{\"name\":\"Two\",\"external_id\":\"dup-" + token + "\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("external_id_already_used");
		String other = this.api.create("{\"name\":\"Three\"}").get("id").stringValue();
		this.api.put(other, "{\"external_id\":\"dup-" + token + "\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("external_id_already_used");
	}

	@Test
	void duplicateStripeCustomerIdIs400() {
		String token = LocalApi.unique();
		String first = this.api.create("{\"name\":\"One\"}").get("id").stringValue();
		String second = this.api.create("{\"name\":\"Two\"}").get("id").stringValue();
		this.api.update(first, "{\"stripe_customer_id\":\"cus_" + token + "\"}");
		this.api.put(second, "{\"stripe_customer_id\":\"cus_" + token + "\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("stripe_customer_id_already_used");
	}

	@Test
	void domainHeldByAnotherOrganizationIs409() {
		String token = LocalApi.unique();
		String domain = "held-" + token + ".com";
		this.api
			.create("{\"name\":\"Holder\",\"domain_data\":[{\"domain\":\"" + domain + "\",\"state\":\"verified\"}]}");
		String conflict = """
				{"code":"domain_already_used","message":"An Organization with the domain %s already exists."}"""
			.formatted(domain);
		this.api
			.post("{\"name\":\"Rival\",\"domain_data\":[{\"domain\":\"" + domain.toUpperCase()
					+ "\",\"state\":\"pending\"}]}")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.json(conflict, JsonCompareMode.STRICT);
		String rival = this.api.create("{\"name\":\"Rival\"}").get("id").stringValue();
		this.api.put(rival, "{\"domain_data\":[{\"domain\":\"" + domain + "\",\"state\":\"pending\"}]}")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.json(conflict, JsonCompareMode.STRICT);
	}

	@Test
	void deleteAnswers202WithAnEmptyBodyThen404() {
		String token = LocalApi.unique();
		String id = this.api
			.create("{\"name\":\"Doomed\",\"external_id\":\"doomed-" + token
					+ "\",\"domain_data\":[{\"domain\":\"doomed-" + token + ".com\",\"state\":\"verified\"}]}")
			.get("id")
			.stringValue();
		this.api.update(id, "{\"stripe_customer_id\":\"cus_doomed_" + token + "\"}");
		this.api.client.delete()
			.uri("/organizations/{id}", id)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.doesNotExist(HttpHeaders.CONTENT_TYPE)
			.expectBody()
			.isEmpty();
		this.api.get("/organizations/" + id).expectStatus().isNotFound();
		this.api.client.delete().uri("/organizations/{id}", id).exchange().expectStatus().isNotFound();
		// its external id, Stripe id and domain are free again
		String reborn = this.api
			.create("{\"name\":\"Reborn\",\"external_id\":\"doomed-" + token
					+ "\",\"domain_data\":[{\"domain\":\"doomed-" + token + ".com\",\"state\":\"verified\"}]}")
			.get("id")
			.stringValue();
		this.api.update(reborn, "{\"stripe_customer_id\":\"cus_doomed_" + token + "\"}");
	}

}
