package com.organizationsgateway.graphql.documents;

import java.util.Locale;

/**
 * Document ids as the GraphQL-over-HTTP persisted documents appendix writes them
 * ({@code sha256:<hex>}, or an id of the client's own) and as Apollo writes them (bare
 * SHA-256 hex), reduced to one lookup key, so that either form finds a document listed in
 * the other.
 */
final class DocumentIds {

	private static final String SHA256_PREFIX = "sha256:";

	private static final int SHA256_HEX_LENGTH = 64;

	private DocumentIds() {
	}

	/**
	 * The lookup key of an id: the lower-case hex of a SHA-256 id, whether prefixed or
	 * bare; any other id as it is.
	 */
	static String key(String id) {
		if (id.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())) {
			return id.substring(SHA256_PREFIX.length()).toLowerCase(Locale.ROOT);
		}
		return isSha256Hex(id) ? id.toLowerCase(Locale.ROOT) : id;
	}

	/**
	 * Whether the id says it is its document's SHA-256: prefixed with {@code sha256:}, or
	 * 64 hex digits, which is how Apollo's tools write one.
	 */
	static boolean claimsSha256(String id) {
		return id.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length()) || isSha256Hex(id);
	}

	private static boolean isSha256Hex(String id) {
		if (id.length() != SHA256_HEX_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			if (Character.digit(id.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

}
