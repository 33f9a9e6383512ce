package com.organizationsgateway.graphql.http;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.TestClients;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * {@code GET /graphql?query=…&variables=…&operationName=…} runs queries, answered as the
 * same POST would be (interceptors, error codes, status by media type), and refuses
 * mutations with 405 so that a link or a prefetch can never change data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphQlOverHttpGetTest {

	private static final String FIRST_ORGANIZATIONS = """
			query First($count: Int!) {
			  organizations(first: $count, order: ASC) { edges { node { id name } } }
			}""";

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = TestClients.to("http://127.0.0.1:" + this.port);
	}

	@Test
	void runsAQueryWithVariablesAndAnOperationName() {
		get(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
				Map.of("query", FIRST_ORGANIZATIONS, "variables", "{\"count\": 2}", "operationName", "First"))
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(2)
			.jsonPath("$.data.organizations.edges[0].node.name")
			.isEqualTo("Foo Corp");
	}

	@Test
	void answersAsPostDoesForADocumentThatDoesNotParse() {
		get(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, Map.of("query", "{ organizations(")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("GRAPHQL_PARSE_FAILED");
		get(MediaType.APPLICATION_JSON, Map.of("query", "{ noSuchField }")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("GRAPHQL_VALIDATION_FAILED");
	}

	@Test
	void refusesAMutationWithMethodNotAllowedAndChangesNothing() {
		String id = firstOrganizationId();
		String deletion = "mutation { deleteOrganization(input: {id: \"" + id + "\"}) { __typename } }";

		get(MediaType.APPLICATION_JSON, Map.of("query", deletion)).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals("Allow", HttpMethod.POST.name())
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, containsString("POST"));
		assertThat(firstOrganizationId()).isEqualTo(id);
	}

	@Test
	void refusesASubscriptionAndAMutationPickedByOperationName() {
		get(MediaType.APPLICATION_JSON, Map.of("query", "subscription { changes }")).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		String twoOperations = "query Read { __typename } mutation Write { __typename }";
		get(MediaType.APPLICATION_JSON, Map.of("query", twoOperations, "operationName", "Write")).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		get(MediaType.APPLICATION_JSON, Map.of("query", twoOperations, "operationName", "Read")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void aMissingQueryIsABadRequest() {
		get(MediaType.APPLICATION_JSON, Map.of()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, containsString("'query'"));
	}

	@Test
	void variablesThatAreNotAJsonObjectAreABadRequest() {
		for (String variables : new String[] { "{\"count\": 2", "[2]", "null" }) {
			get(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, Map.of("query", FIRST_ORGANIZATIONS, "variables", variables))
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
				.expectBody()
				.jsonPath("$.errors[0].message")
				.value(String.class, containsString("'variables'"));
		}
	}

	@Test
	void anAcceptThatAllowsNoGraphQlResponseIsNotAcceptable() {
		get(MediaType.TEXT_HTML, Map.of("query", "{ __typename }")).expectStatus().isEqualTo(HttpStatus.NOT_ACCEPTABLE);
	}

	private String firstOrganizationId() {
		String body = get(MediaType.APPLICATION_JSON,
				Map.of("query", FIRST_ORGANIZATIONS, "variables", "{\"count\": 1}"))
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonMapper.shared().readTree(body).at("/data/organizations/edges/0/node/id").asString();
	}

	private WebTestClient.ResponseSpec get(MediaType accept, Map<String, String> parameters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString("http://127.0.0.1:" + this.port + "/graphql");
		// template variables, so that braces and quotes in a document are
		// encoded exactly once
		parameters.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
		URI encoded = uri.encode().buildAndExpand(parameters).toUri();
		return this.client.get().uri(encoded).accept(accept).exchange();
	}

}
