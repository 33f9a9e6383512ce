package com.organizationsgateway.federation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code gateway.graphql.federation.enabled=false} the gateway is a plain GraphQL
 * server: no {@code _service} or {@code _entities}, and a schema without federation
 * directives or types.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.local-api.seed=false", "gateway.graphql.federation.enabled=false" })
class FederationOffTest {

	@LocalServerPort
	int port;

	@Test
	void theFederationFieldsDoNotExist() {
		String document = "{ _service { sdl } _entities(representations: []) { __typename } }";

		String body = TestClients
			.okBody(TestClients.toPort(this.port).post().uri("/graphql").bodyValue(Map.of("query", document)));

		assertThat(body).contains("GRAPHQL_VALIDATION_FAILED")
			.contains("Field '_service' in type 'Query' is undefined")
			.contains("Field '_entities' in type 'Query' is undefined")
			.doesNotContain("\"data\"");
	}

	@Test
	void thePrintedSchemaHasNoFederationDirectivesOrTypes() {
		String schema = TestClients.okBody(TestClients.toPort(this.port).get().uri("/graphql/schema"));

		assertThat(schema).contains("type Organization implements Node")
			.doesNotContain("@key")
			.doesNotContain("@link")
			.doesNotContain("_Any")
			.doesNotContain("_Entity")
			.doesNotContain("_Service");
	}

}
