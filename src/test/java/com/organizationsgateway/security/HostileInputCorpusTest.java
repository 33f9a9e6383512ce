package com.organizationsgateway.security;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.graphql.errors.ErrorCode;
import com.organizationsgateway.security.HostileInputCorpus.Case;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the whole {@link HostileInputCorpus} to the running gateway over raw HTTP: every
 * answer is a 4xx or a GraphQL response whose errors all carry a contract code, never a
 * 5xx or a hang; invalid input costs no upstream call; the gateway is healthy afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.local-api.seed=false")
@Import(UpstreamCounter.Recording.class)
class HostileInputCorpusTest {

	private static final Duration PER_REQUEST = Duration.ofSeconds(15);

	private static final Set<String> CONTRACT_CODES = Arrays.stream(ErrorCode.values())
		.map(Enum::name)
		.collect(Collectors.toSet());

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	UpstreamCounter upstream;

	@LocalServerPort
	int port;

	@Test
	void theCorpusHasAtLeast200Requests() {
		assertThat(HostileInputCorpus.all()).hasSizeGreaterThanOrEqualTo(200);
	}

	@TestFactory
	Stream<DynamicTest> everyHostileRequestIsRefusedCheaply() {
		List<Case> corpus = HostileInputCorpus.all();
		Stream<DynamicTest> requests = corpus.stream()
			.map((hostile) -> DynamicTest.dynamicTest(hostile.name(), () -> send(hostile)));
		return Stream.concat(requests, Stream.of(DynamicTest.dynamicTest("healthy afterwards", this::healthy)));
	}

	private void send(Case hostile) throws Exception {
		this.upstream.reset();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.timeout(PER_REQUEST)
			.header("Content-Type", hostile.contentType())
			.header("Accept", "application/json");
		request
			.POST(hostile.chunked() ? chunked(hostile.body()) : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			// The server may close the connection on an oversized body; that is a
			// refusal, provided it still answers afterwards.
			assertThat(hostile.body().length).as("connection closed for " + hostile.name()).isGreaterThan(100 * 1024);
			healthy();
			return;
		}

		assertThat(response.statusCode()).as("status of " + hostile.name() + ": " + abbreviated(response.body()))
			.isLessThan(500);
		if (response.statusCode() == 200) {
			JsonNode body = json.readTree(response.body());
			for (JsonNode error : body.path("errors")) {
				assertThat(error.path("extensions").path("code").asString())
					.as("error code in " + abbreviated(response.body()))
					.isIn(CONTRACT_CODES);
			}
		}
		assertThat(this.upstream.total()).as("upstream calls for " + hostile.name())
			.isLessThanOrEqualTo(hostile.maxUpstreamCalls());
		// Whatever was asked stayed one encoded segment below /organizations.
		assertThat(this.upstream.paths())
			.allSatisfy((path) -> assertThat(path).matches("/organizations((/external_id)?/[^/]+)?")
				.doesNotEndWith("/..")
				.doesNotEndWith("/."));
	}

	private void healthy() throws Exception {
		HttpResponse<String> health = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
				.timeout(PER_REQUEST)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"");
	}

	/** A body of unknown length: sent chunked, without Content-Length. */
	private static HttpRequest.BodyPublisher chunked(byte[] body) {
		return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

	private static String abbreviated(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
	}

}
