package com.organizationsgateway.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Counts the requests the gateway's WebClient sends to the Organizations API, so tests
 * can prove that a refused request cost nothing upstream.
 */
class UpstreamCounter implements ExchangeFilterFunction {

	private final AtomicInteger count = new AtomicInteger();

	private final List<String> paths = new CopyOnWriteArrayList<>();

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (request.url().getRawPath().startsWith("/organization")) {
			this.count.incrementAndGet();
			this.paths.add(request.url().getRawPath());
		}
		return next.exchange(request);
	}

	int total() {
		return this.count.get();
	}

	/** The raw, still encoded, paths requested since the last reset. */
	List<String> paths() {
		return List.copyOf(this.paths);
	}

	void reset() {
		this.count.set(0);
		this.paths.clear();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		UpstreamCounter upstreamCounter() {
			return new UpstreamCounter();
		}

		@Bean
		WebClientCustomizer upstreamCounting(UpstreamCounter counter) {
			return (builder) -> builder.filter(counter);
		}

	}

}
