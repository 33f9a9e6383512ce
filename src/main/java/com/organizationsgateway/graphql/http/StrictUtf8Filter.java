package com.organizationsgateway.graphql.http;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorBodies;
import com.organizationsgateway.graphql.errors.ErrorCode;
import com.organizationsgateway.web.DataBuffers;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a GraphQL request whose body or query string is not well-formed UTF-8 with 400
 * and a {@code BAD_REQUEST} error, instead of letting a decoder repair it into some other
 * text (see {@link StrictUtf8}) that would then be checked and sent upstream. Runs after
 * the request size filter, so the body it reads whole is bounded.
 */
final class StrictUtf8Filter implements WebFilter, Ordered {

	private static final String MESSAGE = "The request is not well-formed UTF-8";

	private final String path;

	StrictUtf8Filter(String path) {
		this.path = path;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.path.equals(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		String rawQuery = request.getURI().getRawQuery();
		if (rawQuery != null && !StrictUtf8.isWellFormedQuery(rawQuery)) {
			return refuse(exchange);
		}
		if (!HttpMethod.POST.equals(request.getMethod())) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody())
			.map(DataBuffers::bytesOf)
			.defaultIfEmpty(new byte[0])
			.flatMap((bytes) -> {
				if (!StrictUtf8.isWellFormed(bytes)) {
					return refuse(exchange);
				}
				return chain.filter(exchange.mutate().request(new Replayed(request, bytes)).build());
			});
	}

	private static Mono<Void> refuse(ServerWebExchange exchange) {
		return ErrorBodies.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, MESSAGE);
	}

	@Override
	public int getOrder() {
		// Right after RequestSizeFilter (HIGHEST_PRECEDENCE + 10), whose limit bounds
		// the body read here.
		return Ordered.HIGHEST_PRECEDENCE + 11;
	}

	/** The request with its body, already read and checked, served again. */
	private static final class Replayed extends ServerHttpRequestDecorator {

		private final byte[] body;

		Replayed(ServerHttpRequest delegate, byte[] body) {
			super(delegate);
			this.body = body;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			if (this.body.length == 0) {
				return Flux.empty();
			}
			return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body)));
		}

	}

}
