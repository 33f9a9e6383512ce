package com.organizationsgateway.security;

import java.util.HexFormat;

/**
 * Hashes test API keys the way an operator does with {@code sha256sum}.
 */
public final class TestApiKeys {

	private TestApiKeys() {
	}

	public static String sha256(String key) {
		return HexFormat.of().formatHex(ApiKeys.sha256(key));
	}

}
