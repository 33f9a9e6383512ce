package com.organizationsgateway.graphql.limits;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorBodies;
import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses GraphQL request bodies over {@code gateway.graphql.limits.max-request-size}
 * with 413: at once, with a {@code LIMIT_EXCEEDED} GraphQL error, when
 * {@code Content-Length} says so; otherwise as soon as the streamed body passes the
 * limit.
 */
final class RequestSizeFilter implements WebFilter {

	private final String path;

	private final long maxBytes;

	RequestSizeFilter(String path, long maxBytes) {
		this.path = path;
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.path.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			// The usual case, answered in GraphQL's shape without reading the body.
			return ErrorBodies.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, ErrorCode.LIMIT_EXCEEDED,
					"The request body is larger than " + this.maxBytes + " bytes");
		}
		return chain.filter(exchange.mutate().request(new Limited(exchange.getRequest(), this.maxBytes)).build());
	}

	private ResponseStatusException tooLarge() {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + this.maxBytes + " bytes");
	}

	private final class Limited extends ServerHttpRequestDecorator {

		private final long maxBytes;

		Limited(ServerHttpRequest delegate, long maxBytes) {
			super(delegate);
			this.maxBytes = maxBytes;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong read = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (read.addAndGet(buffer.readableByteCount()) > this.maxBytes) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
