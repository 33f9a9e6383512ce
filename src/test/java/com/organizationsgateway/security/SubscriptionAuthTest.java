package com.organizationsgateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.organizationsgateway.TestClients;
import com.organizationsgateway.organization.OrganizationChange;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;
import com.organizationsgateway.organization.OrganizationChanges;
import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.WorkOsOrganization;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions are authorized as queries are: a credential with
 * {@code organizations:read}. Over WebSocket it may come in the {@code connection_init}
 * payload (browsers cannot set headers on the handshake) or in the handshake's headers; a
 * connection without a valid one is closed with 4401, one without the read scope gets
 * FORBIDDEN. Over SSE the HTTP rules hold: 401 and 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.local-api.seed=false")
class SubscriptionAuthTest {

	static final String READ_KEY = "sub-read-key-51c0e2d4";

	static final String WRITE_ONLY_KEY = "sub-write-only-key-8f2a9b31";

	static final String SUBSCRIPTION = "subscription { organizationChanged { kind organizationId organization { name } } }";

	/** How the client reports the protocol's 4401 close. */
	static final String UNAUTHORIZED_CLOSE = "CloseStatus[code=4401";

	static final TestJwts jwts = new TestJwts();

	@RegisterExtension
	static final StubWorkOsServer jwks = new StubWorkOsServer();

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		jwts.serveAndTrust(jwks, registry);
		TestApiKeys.register(registry, 0, "subscriber", READ_KEY, Scopes.READ);
		TestApiKeys.register(registry, 1, "writer-only", WRITE_ONLY_KEY, Scopes.WRITE);
	}

	@Autowired
	OrganizationChanges changes;

	@Autowired
	MeterRegistry meterRegistry;

	@LocalServerPort
	int port;

	WebSocketGraphQlClient client;

	/**
	 * Stops the client and waits until the gateway has ended its subscriptions too: the
	 * next test counts subscriptions to know when its own is live, and a count still
	 * holding the previous one would hide it.
	 */
	@AfterEach
	void stopClient() {
		if (this.client != null) {
			this.client.stop().block(Duration.ofSeconds(10));
		}
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(10, TimeUnit.MILLISECONDS)
			.untilAsserted(() -> assertThat(subscriptions()).as("subscriptions still active").isZero());
	}

	@Test
	void webSocketWithoutCredentialIsClosedWith4401() {
		Throwable refused = catchThrowable(() -> firstResponse(webSocket(Map.of(), Map.of())));
		assertThat(refused).isInstanceOf(GraphQlTransportException.class).hasMessageContaining(UNAUTHORIZED_CLOSE);
	}

	@Test
	void webSocketWithAnUnknownCredentialIsClosedWith4401() {
		for (Map<String, Object> payload : List.<Map<String, Object>>of(Map.of("X-API-Key", "not-a-key"),
				Map.of("Authorization", "Bearer not-a-key"), Map.of("Authorization", "Basic dXNlcjpwYXNz"))) {
			Throwable refused = catchThrowable(() -> firstResponse(webSocket(Map.of(), payload)));
			assertThat(refused).as(payload.toString())
				.isInstanceOf(GraphQlTransportException.class)
				.hasMessageContaining(UNAUTHORIZED_CLOSE);
			stopClient();
		}
	}

	@Test
	void webSocketWithAReadCredentialInConnectionInitReceivesChanges() {
		for (Map<String, Object> payload : List.<Map<String, Object>>of(Map.of("X-API-Key", READ_KEY),
				Map.of("authorization", "Bearer " + READ_KEY),
				Map.of("Authorization", "Bearer " + jwts.valid(Scopes.READ)))) {
			assertReceivesAChange(webSocket(Map.of(), payload));
			stopClient();
		}
	}

	@Test
	void webSocketWithAReadCredentialInTheHandshakeHeadersReceivesChanges() {
		assertReceivesAChange(webSocket(Map.of("X-API-Key", READ_KEY), Map.of()));
	}

	@Test
	void webSocketWithoutTheReadScopeIsForbidden() {
		ClientGraphQlResponse response = firstResponse(webSocket(Map.of(), Map.of("X-API-Key", WRITE_ONLY_KEY)));
		assertThat(response.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")
				.containsEntry("requiredScope", Scopes.READ));
	}

	@Test
	void webSocketHandshakeWithABadHeaderCredentialOrFromAnotherSiteIsRefused() {
		Throwable badCredential = catchThrowable(() -> firstResponse(webSocket(Map.of("X-API-Key", "nope"), Map.of())));
		assertThat(badCredential).hasStackTraceContaining("401");
		stopClient();
		// No CORS origins are configured, so a page on another site cannot open a
		// connection even to a gateway that admits anonymous loopback callers.
		Throwable crossSite = catchThrowable(() -> firstResponse(
				webSocket(Map.of(HttpHeaders.ORIGIN, "https://evil.example"), Map.of("X-API-Key", READ_KEY))));
		assertThat(crossSite).hasStackTraceContaining("403");
	}

	@Test
	void theHandshakeExemptionOpensNoHttpRoute() {
		// Looks like a handshake to the security chain, but is no valid one: Spring's
		// WebSocket handler takes it and refuses it, so no query runs without a
		// credential.
		TestClients.toPort(this.port)
			.get()
			.uri((uri) -> uri.path("/graphql")
				.queryParam("query", "{query}")
				.build("{ organizations { edges { cursor } } }"))
			.header(HttpHeaders.UPGRADE, "websocket")
			.header(HttpHeaders.CONNECTION, "Upgrade")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("\"data\""));
	}

	@Test
	void serverSentEventsFollowTheHttpRules() {
		assertThat(sse(Map.of()).exchangeToMono((response) -> Mono.just(response.statusCode())).block())
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		assertThat(sse(Map.of("X-API-Key", WRITE_ONLY_KEY)).exchangeToMono((response) -> {
			assertThat(response.statusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			return response.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			}).next();
		}).block(Duration.ofSeconds(30)).data().toString()).contains("FORBIDDEN");

		double before = subscriptions();
		CompletableFuture<Map<String, Object>> first = sse(Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + READ_KEY))
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.filter((event) -> "next".equals(event.event()))
			.mapNotNull(ServerSentEvent::data)
			.next()
			.toFuture();
		String id = publishOnceSubscribed(before);
		assertThat(first).succeedsWithin(Duration.ofSeconds(30))
			.satisfies((response) -> assertThat(response.toString()).contains(id, "UPDATED"));
	}

	private void assertReceivesAChange(Flux<ClientGraphQlResponse> responses) {
		double before = subscriptions();
		CompletableFuture<ClientGraphQlResponse> first = responses.next().toFuture();
		String id = publishOnceSubscribed(before);
		assertThat(first).succeedsWithin(Duration.ofSeconds(30)).satisfies((response) -> {
			assertThat(response.getErrors()).isEmpty();
			assertThat(response.field("organizationChanged.organizationId").toEntity(String.class)).isEqualTo(id);
			assertThat(response.field("organizationChanged.organization.name").toEntity(String.class))
				.isEqualTo("Subscribed");
		});
	}

	/** Waits until the gateway holds one more subscription, then publishes a change. */
	private String publishOnceSubscribed(double before) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(20, TimeUnit.MILLISECONDS)
			.until(() -> subscriptions() > before);
		String id = "org_" + String.format("%026d", System.nanoTime() % 1_000_000_000_000L);
		Instant now = Instant.now();
		this.changes.publish(new OrganizationChange(id, Kind.UPDATED, Set.of(), now,
				new WorkOsOrganization(id, "Subscribed", List.of(), Map.of(), null, null, now, now), Origin.PEER));
		return id;
	}

	private double subscriptions() {
		return this.meterRegistry.get("gateway.subscriptions.active").gauge().value();
	}

	private Flux<ClientGraphQlResponse> webSocket(Map<String, String> headers, Map<String, Object> initPayload) {
		this.client = WebSocketGraphQlClient
			.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient())
			.headers((httpHeaders) -> headers.forEach(httpHeaders::set))
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(initPayload);
				}
			})
			.build();
		return this.client.document(SUBSCRIPTION).executeSubscription();
	}

	private static ClientGraphQlResponse firstResponse(Flux<ClientGraphQlResponse> responses) {
		return responses.blockFirst(Duration.ofSeconds(30));
	}

	private WebClient.RequestHeadersSpec<?> sse(Map<String, String> headers) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/graphql")
			.headers((httpHeaders) -> headers.forEach(httpHeaders::set))
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(Map.of("query", SUBSCRIPTION));
	}

}
