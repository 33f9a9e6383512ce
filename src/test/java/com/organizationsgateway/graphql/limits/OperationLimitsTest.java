package com.organizationsgateway.graphql.limits;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operation limits, each at its edge: what is refused, with which code, and that
 * GraphiQL's own introspection query still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.local-api.seed=false")
@AutoConfigureWebTestClient
class OperationLimitsTest {

	static final String ID = "org_01ARZ3NDEKTSV4RRFFQ69G5FAV";

	@Autowired
	WebTestClient client;

	@Test
	void theFullIntrospectionQueryIsAllowed() {
		post(IntrospectionQuery.INTROSPECTION_QUERY).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.__schema.queryType.name")
			.isEqualTo("Query");
	}

	@Test
	void anAliasBombOf5000LookupsIsRefusedForItsSizeAlone() {
		this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", aliases(5000), "variables", Map.of("id", ID)))
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void anAliasBombOf1000LookupsIsRefusedByTheTokenLimit() {
		post(aliases(1000)).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("GRAPHQL_PARSE_FAILED")
			.jsonPath("$.data")
			.doesNotExist();
	}

	private static String aliases(int count) {
		StringBuilder query = new StringBuilder("query($id: ID) {");
		for (int i = 0; i < count; i++) {
			query.append(" a").append(i).append(": organization(id: $id) { id }");
		}
		return query.append(" }").toString();
	}

	@Test
	void aHundredLookupsAreRefusedByComplexity() {
		StringBuilder query = new StringBuilder("{");
		for (int i = 0; i < 100; i++) {
			query.append(" a").append(i).append(": organization(id: \"").append(ID).append("\") { id }");
		}
		post(query.append(" }").toString()).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("LIMIT_EXCEEDED")
			.jsonPath("$.errors[0].message")
			.value((message) -> org.assertj.core.api.Assertions.assertThat((String) message).contains("complexity"))
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void aHundredDomainLookupsAreRefusedByComplexity() {
		StringBuilder query = new StringBuilder("{");
		for (int i = 0; i < 100; i++) {
			query.append(" a")
				.append(i)
				.append(": organizationDomain(id: \"org_domain_01ARZ3NDEKTSV4RRFFQ69G5FAV\") { id }");
		}
		post(query.append(" }").toString()).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("LIMIT_EXCEEDED")
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void anOperationDeeperThan15IsRefused() {
		String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(12) + "{ name }" + " }".repeat(12)
				+ " } } } }";
		post(deep).expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("LIMIT_EXCEEDED");
	}

	@Test
	void aDocumentIsJudgedByTheVariablesOfEachRequestWhenTheyDecideItsCost() {
		String nodes = "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }";
		post(nodes, Map.of("ids", List.of(ID))).expectBody().jsonPath("$.errors").doesNotExist();
		post(nodes, Map.of("ids", Collections.nCopies(101, ID))).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("LIMIT_EXCEEDED");
		post(nodes, Map.of("ids", List.of(ID))).expectBody().jsonPath("$.errors").doesNotExist();
	}

	@Test
	void aDocumentIsJudgedByTheVariablesOfEachRequestWhenTheyDecideItsFields() {
		StringBuilder lookups = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			lookups.append(" a").append(i).append(": organization(id: \"").append(ID).append("\") { id }");
		}
		String skippable = "query Skippable($skip: Boolean!) { ... @skip(if: $skip) {" + lookups + " } __typename }";
		post(skippable, Map.of("skip", true)).expectBody().jsonPath("$.data.__typename").isEqualTo("Query");
		post(skippable, Map.of("skip", false)).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("LIMIT_EXCEEDED");
	}

	@Test
	void aRefusedDocumentIsRefusedEveryTime() {
		String deep = "query Deep { __schema { types { fields { type " + "{ ofType ".repeat(12) + "{ name }"
				+ " }".repeat(12) + " } } } }";
		for (int i = 0; i < 3; i++) {
			post(deep).expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("LIMIT_EXCEEDED");
		}
	}

	@Test
	void aBodyOverTheSizeLimitIsRefusedWith413() {
		this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ __typename }", "variables", Map.of("pad", "p".repeat(101 * 1024))))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("LIMIT_EXCEEDED");
	}

	private WebTestClient.ResponseSpec post(String query) {
		return post(query, Map.of());
	}

	private WebTestClient.ResponseSpec post(String query, Map<String, Object> variables) {
		return this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange();
	}

}
