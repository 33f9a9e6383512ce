package com.organizationsgateway.security;

/**
 * Decides at startup who may call without a credential, and refuses to start a gateway
 * that would expose WorkOS to anyone by accident.
 */
final class AccessModes {

	private AccessModes() {
	}

	static AccessMode choose(boolean authenticationConfigured, boolean allowUnauthenticated, boolean workOsMode) {
		if (allowUnauthenticated) {
			return AccessMode.OPEN;
		}
		if (authenticationConfigured) {
			return AccessMode.CREDENTIALS_REQUIRED;
		}
		if (workOsMode) {
			throw new IllegalStateException(
					"""
							The gateway talks to WorkOS (gateway.workos.api-key is set) but no caller authentication is configured, \
							so anyone who reaches it could read and change every organization. Configure \
							spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri) for JWTs, or \
							gateway.security.api-keys for API keys; or set gateway.security.allow-unauthenticated=true \
							(GATEWAY_SECURITY_ALLOW_UNAUTHENTICATED) if the network in front of it already does that.""");
		}
		return AccessMode.OPEN_TO_LOOPBACK;
	}

}
