package com.organizationsgateway.reference;

import java.io.IOException;
import java.nio.file.Files;

import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The document cache, and {@code POST /static}: fixed bytes over the same Reactor Netty
 * and WebFlux, the ceiling of the stack without GraphQL.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer documentCache() {
		DocumentCache cache = new DocumentCache();
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(cache));
	}

	@Bean
	RouterFunction<ServerResponse> staticRoute(ReferenceProperties properties) throws IOException {
		byte[] body = Files.readAllBytes(properties.staticResponse());
		// the body is read and released, as the GraphQL endpoint must read it
		return RouterFunctions.route()
			.POST("/static",
					(request) -> request.body(BodyExtractors.toDataBuffers())
						.doOnNext(DataBufferUtils::release)
						.then(Mono
							.defer(() -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body))))
			.build();
	}

}
