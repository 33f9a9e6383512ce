package com.organizationsgateway.organization;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sits in the gateway's WebClient: counts upstream requests by method and path, and
 * answers chosen paths with a canned error status, for the failures the local API cannot
 * produce.
 */
class UpstreamCalls implements ExchangeFilterFunction {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final Map<String, HttpStatus> faults = new ConcurrentHashMap<>();

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String path = request.url().getRawPath();
		if (path.startsWith("/organization")) {
			this.counts.computeIfAbsent(request.method().name() + " " + path, (key) -> new AtomicInteger())
				.incrementAndGet();
		}
		HttpStatus fault = this.faults.get(path);
		if (fault != null) {
			return Mono.just(ClientResponse.create(fault)
				.header("Content-Type", "application/json")
				.header("X-Request-ID", "req_injected")
				.header("Retry-After", "7")
				.body("{\"message\":\"injected\"}")
				.build());
		}
		return next.exchange(request);
	}

	int count(String methodAndPath) {
		AtomicInteger count = this.counts.get(methodAndPath);
		return (count != null) ? count.get() : 0;
	}

	int total() {
		return this.counts.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	void reset() {
		this.counts.clear();
	}

	void fail(String path, HttpStatus status) {
		this.faults.put(path, status);
	}

}
