package com.organizationsgateway.graphql.documents;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The default in local mode, {@code off}: documents run as before, and a
 * {@code documentId} names nothing, since no list is loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustedDocumentsOffTest {

	@LocalServerPort
	private int port;

	private GatewayCalls calls;

	@BeforeEach
	void connect() {
		this.calls = new GatewayCalls(this.port);
	}

	@Test
	void documentsRunAndADocumentIdIsNotInTheList() {
		this.calls.post(GatewayCalls.body("query", "{ organizations(first: 1) { edges { node { id } } } }"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(1);
		this.calls
			.post(GatewayCalls.body("documentId",
					"sha256:" + Sha256.hex("{ organizations(first: 1) { edges { node { id } } } }")))
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
		this.calls.get(Map.of("documentId", "sha256:" + Sha256.hex("{ __typename }"))).expectStatus().isNotFound();
	}

}
