package com.organizationsgateway.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A production-like setup: API keys, introspection off, one allowed browser origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.local-api.seed=false", "spring.graphql.schema.introspection.enabled=false",
				"spring.graphql.cors.allowed-origins=https://app.example.com",
				"spring.graphql.cors.allowed-methods=GET,POST",
				"spring.graphql.cors.allowed-headers=Authorization,Content-Type,X-API-Key",
				"gateway.security.api-keys[0].name=frontend",
				"gateway.security.api-keys[0].sha256=" + CorsAndIntrospectionTest.KEY_SHA256,
				"gateway.security.api-keys[0].scopes=organizations:read" })
@AutoConfigureWebTestClient
class CorsAndIntrospectionTest {

	/** SHA-256 of {@code cors-test-key}. */
	static final String KEY_SHA256 = "9983a3284ac5e786d9db0ad219d55fa72aa0361023afbe97ed871ba64caeaf75";

	@Autowired
	WebTestClient client;

	@Test
	void aPreflightFromAnAllowedOriginNeedsNoCredential() {
		this.client.options()
			.uri("/graphql")
			.header(HttpHeaders.ORIGIN, "https://app.example.com")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com");
	}

	@Test
	void aRefusalIsReadableByTheAllowedOrigin() {
		this.client.post()
			.uri("/graphql")
			.header(HttpHeaders.ORIGIN, "https://app.example.com")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ __typename }"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com");
	}

	@Test
	void anotherOriginIsRefused() {
		this.client.method(HttpMethod.OPTIONS)
			.uri("/graphql")
			.header(HttpHeaders.ORIGIN, "https://evil.example.net")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void introspectionCanBeSwitchedOff() {
		this.client.post()
			.uri("/graphql")
			.header("X-API-Key", "cors-test-key")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ __schema { queryType { name } } }"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("GRAPHQL_VALIDATION_FAILED")
			.jsonPath("$.data.__schema")
			.doesNotExist();
	}

}
