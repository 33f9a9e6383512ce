package com.organizationsgateway.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Test-only fault injection in front of the embedded Organizations API: a WebFilter,
 * registered only by test configuration, that makes chosen upstream requests slow, answer
 * an error status (429 with {@code Retry-After}), drop the connection without a response,
 * or commit the change and then lose or delay the response. Faults are scripted per
 * request or drawn at random; every request and fault is counted.
 */
public final class UpstreamFaults implements WebFilter {

	private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();

	private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

	private volatile @Nullable RandomFaults random;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		if (!path.startsWith("/organizations")) {
			return chain.filter(exchange);
		}
		String call = request.getMethod().name() + " " + path;
		this.requests.computeIfAbsent(call, (key) -> new AtomicInteger()).incrementAndGet();
		String key = request.getHeaders().getFirst("Idempotency-Key");
		if (key != null) {
			this.idempotencyKeys.add(key);
		}
		Fault fault = next(call);
		if (fault == null) {
			return chain.filter(exchange);
		}
		this.injected.computeIfAbsent(fault.kind().name(), (name) -> new AtomicInteger()).incrementAndGet();
		return switch (fault.kind()) {
			case DELAY -> Mono.delay(fault.delay()).then(Mono.defer(() -> chain.filter(exchange)));
			case STATUS -> status(exchange.getResponse(), fault);
			case DROP -> drop(exchange.getResponse());
			case DROP_AFTER_COMMIT ->
				chain.filter(exchange.mutate().response(new Dropping(exchange.getResponse())).build());
			case DELAY_AFTER_COMMIT ->
				chain.filter(exchange.mutate().response(new Delaying(exchange.getResponse(), fault.delay())).build());
		};
	}

	/**
	 * The next {@code count} requests matching {@code call} ("GET /organizations/x"), get
	 * {@code fault}.
	 */
	public void script(Predicate<String> call, int count, Fault fault) {
		for (int i = 0; i < count; i++) {
			this.script.add(new Scripted(call, fault));
		}
	}

	/** Every request matching {@code call} gets {@code fault} until {@link #reset()}. */
	public void always(Predicate<String> call, Fault fault) {
		script(call, 100_000, fault);
	}

	/** A fault from {@code faults} for a share {@code probability} of all requests. */
	public void random(double probability, long seed, List<Fault> faults) {
		this.random = new RandomFaults(probability, new Random(seed), List.copyOf(faults));
	}

	public void reset() {
		this.script.clear();
		this.random = null;
		this.requests.clear();
		this.injected.clear();
		this.idempotencyKeys.clear();
	}

	public int requests(String call) {
		AtomicInteger count = this.requests.get(call);
		return (count != null) ? count.get() : 0;
	}

	public int totalRequests() {
		return this.requests.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	public Map<String, Integer> injected() {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		this.injected.forEach((kind, count) -> counts.put(kind, count.get()));
		return counts;
	}

	public List<String> idempotencyKeys() {
		return List.copyOf(this.idempotencyKeys);
	}

	private @Nullable Fault next(String call) {
		for (Scripted scripted : this.script) {
			if (scripted.call().test(call) && this.script.remove(scripted)) {
				return scripted.fault();
			}
		}
		RandomFaults random = this.random;
		return (random != null) ? random.next() : null;
	}

	private static Mono<Void> status(ServerHttpResponse response, Fault fault) {
		response.setStatusCode(HttpStatus.valueOf(fault.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().set("X-Request-ID", "req_fault");
		if (fault.retryAfter() != null) {
			response.getHeaders().set("Retry-After", fault.retryAfter());
		}
		DataBuffer body = response.bufferFactory().wrap("{\"message\":\"injected fault\"}".getBytes());
		return response.writeWith(Mono.just(body));
	}

	private static Mono<Void> drop(ServerHttpResponse response) {
		HttpServerResponse connection = ServerHttpResponseDecorator.getNativeResponse(response);
		connection.withConnection((c) -> c.dispose());
		return Mono.empty();
	}

	/** One kind of fault. */
	public enum Kind {

		DELAY, STATUS, DROP, DROP_AFTER_COMMIT, DELAY_AFTER_COMMIT

	}

	/** A fault to inject. */
	public record Fault(Kind kind, @Nullable Duration delay, int status, @Nullable String retryAfter) {

		public static Fault delay(Duration delay) {
			return new Fault(Kind.DELAY, delay, 0, null);
		}

		public static Fault status(int status) {
			return new Fault(Kind.STATUS, null, status, null);
		}

		public static Fault rateLimited(String retryAfter) {
			return new Fault(Kind.STATUS, null, 429, retryAfter);
		}

		public static Fault drop() {
			return new Fault(Kind.DROP, null, 0, null);
		}

		public static Fault dropAfterCommit() {
			return new Fault(Kind.DROP_AFTER_COMMIT, null, 0, null);
		}

		public static Fault delayAfterCommit(Duration delay) {
			return new Fault(Kind.DELAY_AFTER_COMMIT, delay, 0, null);
		}

	}

	private record Scripted(Predicate<String> call, Fault fault) {
	}

	private record RandomFaults(double probability, Random random, List<Fault> faults) {

		synchronized @Nullable Fault next() {
			if (this.random.nextDouble() >= this.probability) {
				return null;
			}
			return this.faults.get(this.random.nextInt(this.faults.size()));
		}

	}

	/** The handler commits its change; its response never reaches the client. */
	private static final class Dropping extends ServerHttpResponseDecorator {

		Dropping(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return drop(getDelegate());
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return drop(getDelegate());
		}

		@Override
		public Mono<Void> setComplete() {
			return drop(getDelegate());
		}

	}

	/** The handler commits its change; its response leaves only after a delay. */
	private static final class Delaying extends ServerHttpResponseDecorator {

		private final Duration delay;

		Delaying(ServerHttpResponse delegate, @Nullable Duration delay) {
			super(delegate);
			this.delay = (delay != null) ? delay : Duration.ZERO;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return Mono.delay(this.delay).then(Mono.defer(() -> super.writeWith(body)));
		}

		@Override
		public Mono<Void> setComplete() {
			return Mono.delay(this.delay).then(Mono.defer(super::setComplete));
		}

	}

}
