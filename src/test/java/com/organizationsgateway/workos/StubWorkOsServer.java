package com.organizationsgateway.workos;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A scripted HTTP server on the loopback address that records every request the client
 * sends, so client tests exercise real HTTP without any upstream. Registered as a JUnit
 * extension on a static field, it runs from the test class's initialization (in time for
 * a {@code @DynamicPropertySource}) until its last test.
 */
public final class StubWorkOsServer implements AutoCloseable, AfterAllCallback {

	public static final String API_KEY = "sk_test_stub_key_0123456789";

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private volatile Function<RecordedRequest, StubResponse> responder = (request) -> StubResponse.json(200, "{}");

	/**
	 * Event loops and connections of every stub server and stub client, apart from
	 * Reactor Netty's process-wide ones, which a test closing an application shuts down.
	 * They live as long as the test JVM.
	 */
	private static final ReactorResourceFactory RESOURCES = dedicatedResources();

	private final DisposableServer server;

	public StubWorkOsServer() {
		this.server = HttpServer.create()
			.runOn(RESOURCES.getLoopResources())
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive()
				.aggregate()
				.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.flatMap((body) -> {
					Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
					request.requestHeaders().forEach((header) -> headers.put(header.getKey(), header.getValue()));
					RecordedRequest recorded = new RecordedRequest(request.method().name(), request.uri(), headers,
							body);
					this.requests.add(recorded);
					StubResponse stub = this.responder.apply(recorded);
					if (stub.status() == StubResponse.DROP) {
						// A dropped connection: no status line, no body.
						return Mono.fromRunnable(() -> response.withConnection((connection) -> connection.dispose()));
					}
					response.status(stub.status());
					stub.headers().forEach(response::header);
					if (stub.delay() != null) {
						return Mono.delay(stub.delay()).then(response.sendString(Mono.just(stub.body())).then());
					}
					return response.sendString(Mono.just(stub.body())).then();
				}))
			.bindNow();
	}

	public void respond(Function<RecordedRequest, StubResponse> responder) {
		this.responder = responder;
	}

	public void respond(StubResponse response) {
		this.responder = (request) -> response;
	}

	/**
	 * Answers {@code status} with {@code body}, its {@code field} set to the resource id
	 * the request named (its path segment after {@code collection}, decoded), as WorkOS
	 * answers the very resource asked for.
	 */
	public static Function<RecordedRequest, StubResponse> echoing(int status, String body, String collection,
			String field) {
		return (request) -> {
			String path = request.path();
			String rest = path.substring(path.indexOf(collection) + collection.length());
			String segment = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
			tools.jackson.databind.node.ObjectNode json = (tools.jackson.databind.node.ObjectNode) ECHO_MAPPER
				.readTree(body);
			json.put(field, org.springframework.web.util.UriUtils.decode(segment, StandardCharsets.UTF_8));
			return StubResponse.json(status, json.toString());
		};
	}

	private static final JsonMapper ECHO_MAPPER = JsonMapper.builder().build();

	public List<RecordedRequest> requests() {
		return this.requests;
	}

	RecordedRequest lastRequest() {
		return this.requests.get(this.requests.size() - 1);
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	/** A client with no retries, circuit or cap: each call is exactly one request. */
	WorkOsClient client(Duration responseTimeout) {
		return client(responseTimeout, WorkOsResilience.none());
	}

	WorkOsClient client(Duration responseTimeout, WorkOsResilience resilience) {
		WorkOsEndpoint endpoint = new WorkOsEndpoint(baseUrl(), API_KEY);
		return new WorkOsClientConfiguration().workOsClient(WebClient.builder(), RESOURCES,
				new WorkOsProperties(API_KEY, baseUrl(), Duration.ofSeconds(1), responseTimeout), () -> endpoint,
				JsonMapper.builder().build(), resilience);
	}

	WorkOsClient client() {
		return client(Duration.ofSeconds(5));
	}

	private static ReactorResourceFactory dedicatedResources() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.afterPropertiesSet();
		return factory;
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	/**
	 * What the client sent; {@code uri} is the raw request target, still percent-encoded.
	 */
	public record RecordedRequest(String method, String uri, Map<String, String> headers, String body) {

		public String path() {
			int query = this.uri.indexOf('?');
			return (query < 0) ? this.uri : this.uri.substring(0, query);
		}

		public String header(String name) {
			return this.headers.get(name);
		}

	}

	/** What the server answers. */
	public record StubResponse(int status, Map<String, String> headers, String body, Duration delay) {

		/** The status that stands for "close the connection without answering". */
		static final int DROP = -1;

		static StubResponse drop() {
			return new StubResponse(DROP, Map.of(), "", null);
		}

		public static StubResponse json(int status, String body) {
			return new StubResponse(status, Map.of("Content-Type", "application/json"), body, null);
		}

		StubResponse withHeader(String name, String value) {
			Map<String, String> all = new java.util.HashMap<>(this.headers);
			all.put(name, value);
			return new StubResponse(this.status, all, this.body, this.delay);
		}

		public StubResponse delayedBy(Duration delay) {
			return new StubResponse(this.status, this.headers, this.body, delay);
		}

	}

}
