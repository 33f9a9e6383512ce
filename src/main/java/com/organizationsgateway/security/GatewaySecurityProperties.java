package com.organizationsgateway.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the gateway, besides JWTs from the identity provider (configured with
 * Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}).
 *
 * @param allowUnauthenticated let callers without a credential read and write from
 * anywhere; needed to run against WorkOS without any authentication configured
 * @param apiKeys static keys for service callers, stored as SHA-256 hashes
 */
@ConfigurationProperties("gateway.security")
public record GatewaySecurityProperties(@DefaultValue("false") boolean allowUnauthenticated,
		@DefaultValue List<ApiKey> apiKeys) {

	public GatewaySecurityProperties {
		apiKeys = List.copyOf(apiKeys);
	}

	/** Whether any way to authenticate a caller is configured here. */
	boolean hasApiKeys() {
		return !this.apiKeys.isEmpty();
	}

	/**
	 * One service caller's key.
	 *
	 * @param name who holds the key; appears in logs instead of the key
	 * @param sha256 the SHA-256 of the key, 64 hex digits ({@code printf %s "$KEY" |
	 * sha256sum})
	 * @param scopes what the key may do, such as {@code organizations:read}
	 */
	public record ApiKey(String name, String sha256, @DefaultValue Set<String> scopes) {

		private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

		public ApiKey {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("Every gateway.security.api-keys entry needs a name");
			}
			// The message never repeats the value: someone may have pasted the
			// key itself.
			if (sha256 == null || !SHA_256.matcher(sha256).matches()) {
				throw new IllegalArgumentException("gateway.security.api-keys entry '" + name
						+ "': sha256 must be the 64 hex digits of the key's SHA-256, not the key itself");
			}
			for (String scope : scopes) {
				if (!Scopes.ALL.contains(scope)) {
					throw new IllegalArgumentException("gateway.security.api-keys entry '" + name + "': unknown scope '"
							+ scope + "'; known scopes are " + Scopes.ALL);
				}
			}
			scopes = Set.copyOf(scopes);
		}

		@Override
		public String toString() {
			return "ApiKey[name=" + this.name + ", sha256=******, scopes=" + this.scopes + "]";
		}

	}

}
