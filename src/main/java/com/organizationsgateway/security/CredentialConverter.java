package com.organizationsgateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the caller's credential: {@code Authorization: Bearer <JWT or API key>}, or else
 * an {@code X-API-Key} header. Both become one bearer token for the authentication
 * manager to tell apart.
 */
final class CredentialConverter implements ServerAuthenticationConverter {

	static final String API_KEY_HEADER = "X-API-Key";

	private final ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		return this.bearer.convert(exchange).switchIfEmpty(Mono.defer(() -> {
			String apiKey = exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
			return (apiKey != null && !apiKey.isEmpty()) ? Mono.just(new BearerTokenAuthenticationToken(apiKey))
					: Mono.empty();
		}));
	}

}
