package com.organizationsgateway.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code gateway.graphql.observations.data-fetchers=true}, each resolver is timed
 * again, by name and outcome, next to the operations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "gateway.graphql.observations.data-fetchers=true")
class DataFetcherObservationsTest {

	@LocalServerPort
	private int port;

	@Test
	void theSwitchBringsBackTheDataFetcherTimers() {
		WebTestClient client = TestClients.toPort(this.port);
		client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ organizations(first: 1) { edges { node { id } } } }"))
			.exchange()
			.expectStatus()
			.isOk();

		String scrape = TestClients.prometheus(client);

		assertThat(scrape).contains("graphql_request_seconds_count")
			.containsPattern("graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"organizations\"");
	}

}
