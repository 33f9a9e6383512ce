package com.organizationsgateway.benchmark;

import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /benchmark/static}: answers a POST, whose body it reads and drops, with bytes
 * set by a PUT, so the benchmark can serve exactly the GraphQL response's bytes over the
 * same HTTP stack with no GraphQL at all. Only present with
 * {@code gateway.benchmark.enabled}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("gateway.benchmark.enabled")
class BenchmarkRoutes {

	static final String PATH = "/benchmark/static";

	@Bean
	RouterFunction<ServerResponse> benchmarkStaticRoute() {
		AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
		return RouterFunctions.route()
			.PUT(PATH,
					(request) -> request.bodyToMono(byte[].class)
						.defaultIfEmpty(new byte[0])
						.doOnNext(body::set)
						.then(ServerResponse.noContent().build()))
			.POST(PATH,
					(request) -> drain(request).then(Mono.defer(
							() -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body.get()))))
			.build();
	}

	/** Reads the request body as the GraphQL endpoint must, and frees it. */
	private static Mono<Void> drain(ServerRequest request) {
		return request.body(BodyExtractors.toDataBuffers()).doOnNext(DataBufferUtils::release).then();
	}

}
