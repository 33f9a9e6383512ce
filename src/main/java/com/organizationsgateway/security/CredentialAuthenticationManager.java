package com.organizationsgateway.security;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.organizationsgateway.security.GatewaySecurityProperties.ApiKey;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a presented credential: an API key when its hash is configured, else a
 * JWT when JWT mode is on. Anything else is an invalid token; the reason given to the
 * caller never echoes the credential.
 */
final class CredentialAuthenticationManager implements ReactiveAuthenticationManager {

	private static final Logger logger = LoggerFactory.getLogger(CredentialAuthenticationManager.class);

	private final ApiKeys apiKeys;

	private final @Nullable ReactiveAuthenticationManager jwt;

	CredentialAuthenticationManager(ApiKeys apiKeys, @Nullable ReactiveAuthenticationManager jwt) {
		this.apiKeys = apiKeys;
		this.jwt = jwt;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
			return Mono.empty();
		}
		ApiKey key = this.apiKeys.match(bearer.getToken());
		if (key != null) {
			return Mono.just(new ApiKeyAuthentication(key));
		}
		if (this.jwt != null && looksLikeJwt(bearer.getToken())) {
			// The identity provider's keys may be unreachable: that is no server error of
			// ours, and the token cannot be trusted either.
			return this.jwt.authenticate(bearer).onErrorMap((ex) -> !(ex instanceof AuthenticationException), (ex) -> {
				logger.warn("A JWT could not be checked: {}", ex.getMessage());
				return new InvalidBearerTokenException("The token could not be checked", ex);
			});
		}
		return Mono.error(new InvalidBearerTokenException("The credential is not valid"));
	}

	/** Three dot-separated parts: anything else cannot be a signed JWT. */
	private static boolean looksLikeJwt(String token) {
		return token.chars().filter((c) -> c == '.').count() == 2;
	}

}
