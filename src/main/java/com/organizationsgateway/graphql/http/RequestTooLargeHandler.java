package com.organizationsgateway.graphql.http;

import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorBodies;
import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers a request body over {@code spring.http.codecs.max-in-memory-size} with 413
 * instead of Boot's generic 500: the limit keeps one client from filling the gateway's
 * memory, and the client should learn that its request, not the gateway, is at fault.
 */
@Component
@Order(-3)
class RequestTooLargeHandler implements WebExceptionHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!(ex instanceof DataBufferLimitException) || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		return ErrorBodies.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, ErrorCode.LIMIT_EXCEEDED,
				"The request body is too large");
	}

}
