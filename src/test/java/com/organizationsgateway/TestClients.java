package com.organizationsgateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * HTTP clients for gateways the tests start; request-response ones with a response
 * timeout generous enough for a build that shares two cores with other work.
 */
public final class TestClients {

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	private TestClients() {
	}

	/** A client for the gateway on this loopback port. */
	public static WebTestClient toPort(int port) {
		return to("http://127.0.0.1:" + port);
	}

	/** A client whose relative URIs resolve against this base URL. */
	public static WebTestClient to(String baseUrl) {
		return WebTestClient.bindToServer().responseTimeout(RESPONSE_TIMEOUT).baseUrl(baseUrl).build();
	}

	/** The gateway's Prometheus scrape, as text. */
	public static String prometheus(WebTestClient client) {
		return okBody(client.get().uri("/actuator/prometheus"));
	}

	/** Sends the request, expects a 200 and gives its body as text. */
	public static String okBody(WebTestClient.RequestHeadersSpec<?> request) {
		return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	/**
	 * A GraphQL operation over SSE (POST {@code /graphql}, {@code Accept:
	 * text/event-stream}) on the gateway at this loopback port: each {@code next} event's
	 * GraphQL response, until the stream completes or the subscriber cancels.
	 */
	public static Flux<Map<String, Object>> sse(int port, String document, Map<String, Object> variables) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		return WebClient.create("http://127.0.0.1:" + port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(body)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.filter((event) -> "next".equals(event.event()))
			.mapNotNull(ServerSentEvent::data);
	}

}
