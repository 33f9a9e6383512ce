package com.organizationsgateway.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.json.JsonCompareMode;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Create, get and get-by-external-id over HTTP, asserting WorkOS's exact JSON.
 */
class CreateAndReadOrganizationTests extends LocalApiTestSupport {

	@Test
	void createReturns201WithTheWorkOsShape() {
		String token = LocalApi.unique();
		byte[] body = this.api.post("""
				{"name":"Shape %1$s","domain_data":[{"domain":"shape-%1$s.com","state":"verified"},
				{"domain":"Pending-%1$s.COM","state":"pending"}],"metadata":{"tier":"gold"},
				"stripe_customer_id":"cus_ignored","unknown_field":42}""".formatted(token))
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode organization = this.api.tree(body);
		String id = organization.get("id").stringValue();
		String createdAt = organization.get("created_at").stringValue();
		JsonNode verified = organization.get("domains").get(0);
		JsonNode pending = organization.get("domains").get(1);
		assertThat(id).matches("org_" + LocalApi.ULID);
		assertThat(createdAt).matches(LocalApi.TIMESTAMP);
		assertThat(verified.get("id").stringValue()).matches("org_domain_" + LocalApi.ULID);
		assertThat(pending.get("verification_token").stringValue()).matches("[A-Za-z0-9]{25}");
		String expected = """
				{"object":"organization","id":"%1$s","name":"Shape %2$s","allow_profiles_outside_organization":false,
				 "domains":[
				  {"object":"organization_domain","id":"%3$s","organization_id":"%1$s","domain":"shape-%2$s.com",
				   "state":"verified","verification_strategy":"manual","verification_token":null,
				   "verification_prefix":null,"created_at":"%4$s","updated_at":"%4$s"},
				  {"object":"organization_domain","id":"%5$s","organization_id":"%1$s","domain":"pending-%2$s.com",
				   "state":"pending","verification_strategy":"dns","verification_token":"%6$s",
				   "verification_prefix":"%7$s","created_at":"%4$s","updated_at":"%4$s"}],
				 "metadata":{"tier":"gold"},"external_id":null,"created_at":"%4$s","updated_at":"%4$s"}""".formatted(id,
				token, verified.get("id").stringValue(), createdAt, pending.get("id").stringValue(),
				pending.get("verification_token").stringValue(), pending.get("verification_prefix").stringValue());
		this.api.get("/organizations/" + id).expectStatus().isOk().expectBody().json(expected, JsonCompareMode.STRICT);
		// byte level: external_id is present as null, stripe_customer_id is left out
		String raw = new String(body, StandardCharsets.UTF_8);
		assertThat(raw).contains("\"external_id\":null").doesNotContain("stripe_customer_id");
		this.api.get("/organizations/" + id).expectBody().json(expected, JsonCompareMode.STRICT);
	}

	@Test
	void idsGrowWithCreationOrder() {
		String token = LocalApi.unique();
		String first = this.api.create("{\"name\":\"Order A " + token + "\"}").get("id").stringValue();
		String second = this.api.create("{\"name\":\"Order B " + token + "\"}").get("id").stringValue();
		assertThat(second).isGreaterThan(first);
	}

	@Test
	void getUnknownIdIs404WithEntityNotFound() {
		this.api.get("/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY").expectStatus().isNotFound().expectBody().json("""
				{"code":"entity_not_found","entity_id":"org_01EHWNCE74X7JSDV0X3SZ3KJNY",
				 "message":"Organization not found: 'org_01EHWNCE74X7JSDV0X3SZ3KJNY'."}""", JsonCompareMode.STRICT);
	}

	@Test
	void getByExternalIdMatchesHostileValuesExactly() {
		String token = LocalApi.unique();
		List<String> externalIds = List.of("a/b-" + token, "../x-" + token, "q?x=1-" + token, "frag#1-" + token,
				"with space " + token, "%2F-" + token, "semi;colon=1-" + token, "plus+sign-" + token);
		for (String externalId : externalIds) {
			String json = this.api.jsonMapper
				.writeValueAsString(Map.of("name", "Hostile " + token, "external_id", externalId));
			String id = this.api.create(json).get("id").stringValue();
			String path = "/organizations/external_id/" + UriUtils.encodePathSegment(externalId, "UTF-8");
			JsonNode found = this.api.getOk(path);
			assertThat(found.get("id").stringValue()).as(path).isEqualTo(id);
			assertThat(found.get("external_id").stringValue()).isEqualTo(externalId);
		}
		// external ids are ASCII on create, so a unicode one is never found,
		// but decodes cleanly
		this.api.get("/organizations/external_id/" + UriUtils.encodePathSegment("ünïcødé 日本", "UTF-8"))
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.entity_id")
			.isEqualTo("ünïcødé 日本");
		// "%2F-token" is stored literally, so its single-decoded form must not match it
		this.api.get("/organizations/external_id/%2F-" + token)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.entity_id")
			.isEqualTo("/-" + token);
	}

	@Test
	void getByExternalIdSpelledWithEncodedSlashReachesTheRoute() {
		String token = LocalApi.unique();
		String id = this.api.create("{\"name\":\"Slash\",\"external_id\":\"a/b/" + token + "\"}")
			.get("id")
			.stringValue();
		JsonNode viaEncoded = this.api.tree(this.api.client.get()
			.uri(URI.create(this.api.baseUrl + "/organizations/external_id/a%2Fb%2F" + token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(viaEncoded.get("id").stringValue()).isEqualTo(id);
		// the Node SDK does not encode, so a raw slash works too
		assertThat(this.api.getOk("/organizations/external_id/a/b/" + token).get("id").stringValue()).isEqualTo(id);
	}

	@Test
	void getByUnknownExternalIdIs404() {
		this.api.get("/organizations/external_id/nobody%20here").expectStatus().isNotFound().expectBody().json("""
				{"code":"entity_not_found","entity_id":"nobody here",
				 "message":"Organization not found: 'nobody here'."}""", JsonCompareMode.STRICT);
	}

	@Test
	void createValidatesItsFields() {
		String token = LocalApi.unique();
		expect422("{}", "name");
		expect422("{\"name\":\"   \"}", "name");
		expect422("{\"name\":42}", "name");
		expect422("{\"name\":\"" + "n".repeat(256) + "\"}", "name");
		expect422(withDomain(token, "v-" + token + ".com", "failed"), "domain_data");
		expect422(withDomain(token, "not a domain", "pending"), "domain_data");
		expect422(withDomain(token, "nodot", "pending"), "domain_data");
		expect422("{\"name\":\"x\",\"domain_data\":[{\"domain\":\"d-" + token + ".com\",\"state\":\"pending\"},"
				+ "{\"domain\":\"D-" + token + ".com\",\"state\":\"verified\"}]}", "domain_data");
		expect422("{\"name\":\"x\",\"domain_data\":\"a.com\"}", "domain_data");
		expect422("{\"name\":\"x\",\"external_id\":\"" + "e".repeat(129) + "\"}", "external_id");
		expect422("{\"name\":\"x\",\"external_id\":\"naïve\"}", "external_id");
		expect422("{\"name\":\"x\",\"external_id\":7}", "external_id");
	}

	@Test
	void createRejectsInvalidMetadataWith400() {
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 51; i++) {
			many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
		}
		expectInvalidMetadata("{" + many + "}");
		expectInvalidMetadata("{\"" + "k".repeat(41) + "\":\"v\"}");
		expectInvalidMetadata("{\"k\":\"" + "v".repeat(601) + "\"}");
		expectInvalidMetadata("{\"k\":1}");
		expectInvalidMetadata("{\"k\":{\"nested\":\"x\"}}");
		expectInvalidMetadata("{\"k\":\"ünïcode\"}");
		expectInvalidMetadata("[\"k\"]");
		// the limits themselves are fine
		this.api.create("{\"name\":\"Meta\",\"metadata\":{\"" + "k".repeat(40) + "\":\"" + "v".repeat(600) + "\"}}");
	}

	@Test
	void malformedBodiesAre400NotServerErrors() {
		for (String body : List.of("{not json", "[1,2]", "\"text\"")) {
			this.api.post(body).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid_json");
		}
	}

	private static String withDomain(String token, String domain, String state) {
		return "{\"name\":\"D " + token + "\",\"domain_data\":[{\"domain\":\"" + domain + "\",\"state\":\"" + state
				+ "\"}]}";
	}

	private void expect422(String body, String field) {
		this.api.post(body)
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_request_parameters")
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	private void expectInvalidMetadata(String metadata) {
		this.api.post("{\"name\":\"Meta\",\"metadata\":" + metadata + "}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_metadata")
			.jsonPath("$.message")
			.isNotEmpty();
	}

}
