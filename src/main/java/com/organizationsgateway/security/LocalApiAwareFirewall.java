package com.organizationsgateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's strict request firewall for everything but the local Organizations
 * API, whose WorkOS-compatible external id route must accept what WorkOS accepts (encoded
 * slashes, percent signs and dots in one path segment) and which checks its own input. No
 * security chain guards those paths, so there is no path matching to confuse.
 */
final class LocalApiAwareFirewall implements ServerWebExchangeFirewall {

	private static final String LOCAL_API = "/organizations";

	private final ServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

	@Override
	public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.equals(LOCAL_API) || path.startsWith(LOCAL_API + "/")) {
			return Mono.just(exchange);
		}
		return this.strict.getFirewalledExchange(exchange);
	}

}
