package com.organizationsgateway.security;

import java.util.HexFormat;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Hashes test API keys the way an operator does with {@code sha256sum}.
 */
public final class TestApiKeys {

	private TestApiKeys() {
	}

	public static String sha256(String key) {
		return HexFormat.of().formatHex(ApiKeys.sha256(key));
	}

	/** Configures API key number {@code index} as an operator would, by its hash. */
	public static void register(DynamicPropertyRegistry registry, int index, String name, String key, String scopes) {
		String prefix = "gateway.security.api-keys[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "sha256", () -> sha256(key));
		registry.add(prefix + "scopes", () -> scopes);
	}

}
