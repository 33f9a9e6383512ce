package com.organizationsgateway.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator scrapes and probes: the Prometheus endpoint with GraphQL, cache,
 * upstream and persisted-query meters whose tags never carry an organization id, the
 * liveness and readiness probes, build info, and nothing that shows configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsAndHealthTest {

	private static final Pattern LABELS = Pattern.compile("\\{([^}]*)\\}");

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = TestClients.toPort(this.port);
	}

	@Test
	void prometheusShowsTheWorkOsCircuitBreakerBulkheadAndRetries() {
		graphQl("{ organizations(first: 1) { edges { node { id } } } }");

		String scrape = TestClients.prometheus(this.client);

		assertThat(scrape)
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"workos\"[^}]*state=\"closed\"} 1.0")
			.containsPattern(
					"resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*kind=\"successful\"[^}]*name=\"workos\"")
			.containsPattern("resilience4j_circuitbreaker_failure_rate\\{[^}]*name=\"workos\"")
			.containsPattern("resilience4j_bulkhead_available_concurrent_calls\\{[^}]*name=\"workos\"")
			.containsPattern("resilience4j_bulkhead_max_allowed_concurrent_calls\\{[^}]*name=\"workos\"} 64.0")
			.contains("gateway_workos_retries_total{outcome=\"retried\"}",
					"gateway_workos_retries_total{outcome=\"budget_exhausted\"}");
	}

	@Test
	void prometheusShowsGraphQlCacheUpstreamAndPersistedQueryMetersWithBoundedTags() {
		String id = graphQl("{ organizations(first: 2) { edges { node { id } } } }")
			.jsonPath("$.data.organizations.edges[0].node.id");
		graphQl("query One($id: ID) { organization(id: $id) { name } }", Map.of("id", id));
		graphQl("query One($id: ID) { organization(id: $id) { name } }", Map.of("id", id));
		graphQl("{ organization(id: \"org_01HZZZZZZZZZZZZZZZZZZZZZZZ\") { name } }", Map.of());

		String scrape = TestClients.prometheus(this.client);

		assertThat(scrape).contains("graphql_request_seconds_count", "graphql_persisted_queries_total{",
				"http_server_requests_seconds_count");
		// Left out for the warm path's sake: Spring Security's own observations, the
		// observations' long-task timers, and (unless switched on) each data fetcher's.
		assertThat(scrape).doesNotContain("spring_security_", "_active_seconds", "graphql_datafetcher_seconds");
		assertThat(scrape).containsPattern("cache_gets_total\\{[^}]*cache=\"organizations\"")
			.containsPattern("cache_gets_total\\{[^}]*cache=\"organization-pages\"")
			.containsPattern("cache_gets_total\\{[^}]*cache=\"graphql-documents\"")
			.containsPattern("cache_gets_total\\{[^}]*cache=\"graphql-responses\"")
			.containsPattern("cache_evictions_total\\{[^}]*cache=\"organizations\"")
			.containsPattern("cache_size\\{[^}]*cache=\"graphql-documents\"");
		assertThat(scrape).containsPattern(
				"http_client_requests_seconds_count\\{[^}]*operation=\"getOrganization\"[^}]*outcome=\"SUCCESS\"[^}]*uri=\"/organizations/\\{id\\}\"")
			.containsPattern(
					"http_client_requests_seconds_count\\{[^}]*operation=\"getOrganization\"[^}]*outcome=\"CLIENT_ERROR\"")
			.containsPattern("http_client_requests_seconds_count\\{[^}]*operation=\"listOrganizations\"");
		for (String line : scrape.lines().filter((line) -> !line.startsWith("#")).toList()) {
			Matcher labels = LABELS.matcher(line);
			if (labels.find()) {
				assertThat(labels.group(1)).as(line).doesNotContain("org_");
			}
		}
	}

	@Test
	void livenessAndReadinessAreUpWithTheUpstreamInReadiness() {
		this.client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.upstream.details.upstream")
			.isEqualTo("local")
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("UP");
	}

	@Test
	void infoShowsTheBuildAndConfigurationIsNotExposed() throws Exception {
		this.client.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.build.artifact")
			.isEqualTo("organizations-gateway");
		// the JDK client, apart from Reactor Netty's shared connection pool
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		for (String hidden : List.of("env", "configprops", "beans", "heapdump", "loggers", "threaddump")) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/" + hidden))
				.timeout(Duration.ofSeconds(20))
				.build();
			assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).as(hidden)
				.isEqualTo(404);
		}
	}

	private Body graphQl(String query) {
		return graphQl(query, Map.of());
	}

	private Body graphQl(String query, Map<String, Object> variables) {
		byte[] body = this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return new Body(body);
	}

	/** A GraphQL response body, read with JSONPath. */
	private record Body(byte[] json) {

		String jsonPath(String path) {
			return com.jayway.jsonpath.JsonPath.read(new String(this.json, java.nio.charset.StandardCharsets.UTF_8),
					path);
		}

	}

}
