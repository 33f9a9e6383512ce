package com.organizationsgateway.security;

import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a caller without a valid credential: 401, a {@code WWW-Authenticate} challenge
 * as RFC 6750 describes, and a GraphQL body with code {@code UNAUTHENTICATED}. Why a
 * credential failed is not told, beyond "invalid".
 */
final class UnauthenticatedEntryPoint implements ServerAuthenticationEntryPoint {

	static final String REALM = "Bearer realm=\"organizations-gateway\"";

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean presented = ex instanceof OAuth2AuthenticationException;
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, presented ? REALM + ", error=\"invalid_token\"" : REALM);
		String message = presented ? "The credential is invalid or expired"
				: "Authentication required: send Authorization: Bearer <token> or X-API-Key";
		return GraphQlErrorBodies.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, message);
	}

}
