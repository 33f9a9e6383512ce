package com.organizationsgateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.security.GatewaySecurityProperties.ApiKey;

/**
 * The configured API keys, matched by the SHA-256 of what a caller presents. Only hashes
 * are held, and every configured hash is compared in constant time, so neither memory nor
 * timing gives a key away.
 */
final class ApiKeys {

	private final List<ApiKey> keys;

	private final List<byte[]> hashes;

	ApiKeys(List<ApiKey> keys) {
		this.keys = List.copyOf(keys);
		this.hashes = keys.stream().map((key) -> HexFormat.of().parseHex(key.sha256().toLowerCase())).toList();
	}

	boolean isEmpty() {
		return this.keys.isEmpty();
	}

	/** The key whose hash matches, or null. */
	@Nullable ApiKey match(String presented) {
		byte[] hash = sha256(presented);
		ApiKey found = null;
		// no early exit: the time taken does not depend on which key matched
		for (int i = 0; i < this.hashes.size(); i++) {
			if (MessageDigest.isEqual(this.hashes.get(i), hash) && found == null) {
				found = this.keys.get(i);
			}
		}
		return found;
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return "ApiKeys[" + this.keys.size() + " keys]";
	}

}
