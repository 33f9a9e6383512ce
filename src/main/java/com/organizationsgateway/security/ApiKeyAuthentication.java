package com.organizationsgateway.security;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.security.GatewaySecurityProperties.ApiKey;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller authenticated by a static API key: the principal is the key's configured name,
 * and the key itself is not kept.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final String name;

	ApiKeyAuthentication(ApiKey key) {
		super(Scopes.authorities(key.scopes()));
		this.name = key.name();
		setAuthenticated(true);
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.name;
	}

}
