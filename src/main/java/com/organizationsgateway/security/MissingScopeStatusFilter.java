package com.organizationsgateway.security;

import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Turns the status of a response whose operation was refused for a missing scope into
 * 403, as RFC 6750 prescribes for {@code insufficient_scope}; the GraphQL body is left as
 * it is. Spring for GraphQL itself would answer 200 (or 400).
 */
@Component
class MissingScopeStatusFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		AtomicReference<String> missingScope = new AtomicReference<>();
		exchange.getAttributes().put(ScopeInterceptor.MISSING_SCOPE, missingScope);
		exchange.getResponse().beforeCommit(() -> {
			if (missingScope.get() != null) {
				exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
