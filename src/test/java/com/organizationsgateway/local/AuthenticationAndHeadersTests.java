package com.organizationsgateway.local;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key check, {@code X-Request-ID} on every response and 405 for unknown methods.
 */
class AuthenticationAndHeadersTests extends LocalApiTestSupport {

	private static final String UNAUTHORIZED = "{\"code\":\"unauthorized\",\"message\":\"Invalid API key.\"}";

	@Test
	void everyRouteNeedsAKey() {
		expectUnauthorized(this.api.anonymous.get().uri("/organizations").exchange());
		expectUnauthorized(this.api.anonymous.post()
			.uri("/organizations")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"x\"}")
			.exchange());
		expectUnauthorized(this.api.anonymous.get().uri("/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY").exchange());
		expectUnauthorized(this.api.anonymous.get().uri("/organizations/external_id/x").exchange());
		expectUnauthorized(this.api.anonymous.put()
			.uri("/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY")
			.bodyValue("{}")
			.exchange());
		expectUnauthorized(this.api.anonymous.delete().uri("/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY").exchange());
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "Bearer sk_", "Bearer pk_test_x", "Basic c2tfdGVzdA==", "sk_test_x", "Bearer", "Bearer  " })
	void badKeysAre401WithoutEchoingTheKey(String authorization) {
		byte[] body = expectUnauthorized(this.api.anonymous.get()
			.uri("/organizations")
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.exchange());
		assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("pk_test_x").doesNotContain("c2tf");
	}

	@Test
	void anyNonEmptySecretKeyIsAccepted() {
		this.api.anonymous.get()
			.uri("/organizations?limit=1")
			.header(HttpHeaders.AUTHORIZATION, "bearer sk_live_anything")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void anIncomingRequestIdIsEchoedOnSuccessAndErrors() {
		for (String path : new String[] { "/organizations", "/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY",
				"/organizations?limit=0" }) {
			this.api.client.get()
				.uri(path)
				.header(LocalApiFilter.REQUEST_ID, "trace-123 abc")
				.exchange()
				.expectHeader()
				.valueEquals(LocalApiFilter.REQUEST_ID, "trace-123 abc");
		}
		this.api.anonymous.get()
			.uri("/organizations")
			.header(LocalApiFilter.REQUEST_ID, "trace-401")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(LocalApiFilter.REQUEST_ID, "trace-401");
	}

	@Test
	void aMissingOrOverlongRequestIdIsReplacedByAGeneratedOne() {
		String generated = "req_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
		this.api.client.get()
			.uri("/organizations")
			.header(LocalApiFilter.REQUEST_ID, "x".repeat(201))
			.exchange()
			.expectHeader()
			.valueMatches(LocalApiFilter.REQUEST_ID, generated);
		this.api.client.post()
			.uri("/organizations")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.valueMatches(LocalApiFilter.REQUEST_ID, generated);
		String id = this.api.create("{\"name\":\"Deleted\"}").get("id").stringValue();
		this.api.client.delete()
			.uri("/organizations/{id}", id)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueMatches(LocalApiFilter.REQUEST_ID, generated);
	}

	@Test
	void unknownMethodsOnKnownPathsAre405() {
		expect405(HttpMethod.DELETE, "/organizations", "GET, POST");
		expect405(HttpMethod.PATCH, "/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY", "GET, PUT, DELETE");
		expect405(HttpMethod.POST, "/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY", "GET, PUT, DELETE");
		expect405(HttpMethod.PUT, "/organizations/external_id/abc", "GET");
	}

	private void expect405(HttpMethod method, String path, String allowed) {
		this.api.client.method(method)
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, allowed)
			.expectHeader()
			.exists(LocalApiFilter.REQUEST_ID)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("method_not_allowed");
	}

	private byte[] expectUnauthorized(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.exists(LocalApiFilter.REQUEST_ID)
			.expectBody()
			.json(UNAUTHORIZED, JsonCompareMode.STRICT)
			.returnResult()
			.getResponseBody();
	}

}
