package com.organizationsgateway.graphql.http;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * POST {@code /graphql} as the GraphQL-over-HTTP spec asks: with
 * {@code application/graphql-response+json} a document that does not parse or validate is
 * a 400 while a failing field is a 200 with data; with {@code application/json}
 * everything well-formed is a 200; an unserviceable {@code Accept} is a 406 and an
 * unreadable body type a 415.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphQlOverHttpPostTest {

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = TestClients.to("http://127.0.0.1:" + this.port + "/graphql");
	}

	@Test
	void aDocumentThatDoesNotParseIsABadRequestForGraphQlResponseJson() {
		post(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, "{ organizations(").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("GRAPHQL_PARSE_FAILED");
	}

	@Test
	void aDocumentThatDoesNotValidateIsABadRequestForGraphQlResponseJson() {
		post(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, "{ noSuchField }").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("GRAPHQL_VALIDATION_FAILED");
	}

	@Test
	void aDocumentThatDoesNotValidateIsOkForPlainJson() {
		post(MediaType.APPLICATION_JSON, "{ noSuchField }").expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("GRAPHQL_VALIDATION_FAILED");
	}

	@Test
	void aFailingFieldIsOkWithDataForGraphQlResponseJson() {
		post(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, "{ organization(externalId: \"no-such-organization\") { name } }")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organization")
			.isEmpty()
			.jsonPath("$.errors[0].path[0]")
			.isEqualTo("organization")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void aRequestWithoutAcceptGetsJson() {
		this.client.post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\": \"{ __typename }\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void anAcceptThatAllowsNoGraphQlResponseIsNotAcceptable() {
		post(MediaType.TEXT_HTML, "{ __typename }").expectStatus().isEqualTo(HttpStatus.NOT_ACCEPTABLE);
	}

	@Test
	void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
		this.client.post()
			.contentType(MediaType.TEXT_PLAIN)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue("{ __typename }")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	private WebTestClient.ResponseSpec post(MediaType accept, String document) {
		return this.client.post()
			.contentType(MediaType.APPLICATION_JSON)
			.accept(accept)
			.bodyValue(Map.of("query", document))
			.exchange();
	}

}
