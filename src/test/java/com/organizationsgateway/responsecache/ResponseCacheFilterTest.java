package com.organizationsgateway.responsecache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter on a fake clock: a kept response is as old as the data it was computed from,
 * so a slow computation's time counts against its lifetime.
 */
class ResponseCacheFilterTest {

	private static final String BODY = "{\"query\":\"{ organizations(first: 1) { edges { cursor } } }\"}";

	private final AtomicLong nanos = new AtomicLong();

	private final ResponseCache cache = new ResponseCache(new ResponseCacheProperties(true, Duration.ofSeconds(10),
			DataSize.ofMegabytes(1), DataSize.ofKilobytes(64)), this.nanos::get);

	private final ResponseCacheFilter filter = new ResponseCacheFilter(this.cache, "/graphql", 64 * 1024);

	@Test
	void aResponseExpiresItsLifetimeAfterItsComputationBegan() {
		AtomicInteger runs = new AtomicInteger();
		WebFilterChain slowCacheable = (exchange) -> {
			runs.incrementAndGet();
			advance(Duration.ofSeconds(2));
			exchange.<Cacheability>getRequiredAttribute(Cacheability.ATTRIBUTE).allow();
			return answer(exchange.getResponse());
		};
		WebFilterChain uncacheable = (exchange) -> {
			runs.incrementAndGet();
			return answer(exchange.getResponse());
		};
		post(slowCacheable);
		advance(Duration.ofSeconds(1));
		post(uncacheable);
		assertThat(runs).as("replayed 1 s after it was kept").hasValue(1);

		advance(Duration.ofSeconds(7));
		post(uncacheable);
		post(uncacheable);

		assertThat(runs).as("10 s after the computation began, neither is replayed").hasValue(3);
	}

	private void post(WebFilterChain chain) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/graphql").contentType(MediaType.APPLICATION_JSON).body(BODY));
		this.filter.filter(exchange, chain).block(Duration.ofSeconds(5));
	}

	private static Mono<Void> answer(ServerHttpResponse response) {
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response.writeWith(Mono.just(response.bufferFactory()
			.wrap("{\"data\":{\"organizations\":{\"edges\":[]}}}".getBytes(StandardCharsets.UTF_8))));
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
