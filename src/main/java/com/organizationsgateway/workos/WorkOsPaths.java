package com.organizationsgateway.workos;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Builds every upstream path, so that no id or external id can name another endpoint.
 * Each caller-supplied segment is percent-encoded completely: every byte but ASCII
 * letters, digits, {@code -}, {@code _} and {@code ~}, dots included. Encoding alone does
 * not tame the dot segments, because servers that follow the WHATWG URL standard resolve
 * {@code %2E%2E} as {@code ..}; a segment that is {@code .} or {@code ..} is refused.
 */
final class WorkOsPaths {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private WorkOsPaths() {
	}

	/** The base URL with the segments appended, each encoded as one path segment. */
	static URI of(URI base, String... segments) {
		StringBuilder path = new StringBuilder(stripTrailingSlash(base.toString()));
		for (String segment : segments) {
			path.append('/').append(segment(segment));
		}
		return URI.create(path.toString());
	}

	/**
	 * One path segment, encoded; refuses an empty value and the dot segments, which would
	 * name the parent or the collection instead of one resource.
	 */
	static String segment(String value) {
		if (value.isEmpty()) {
			throw new IllegalArgumentException("A path segment must not be empty");
		}
		if (value.equals(".") || value.equals("..")) {
			throw new IllegalArgumentException("A path segment must not be a dot segment");
		}
		StringBuilder encoded = new StringBuilder(value.length() * 3);
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			if (isUnreserved(b)) {
				encoded.append((char) b);
			}
			else {
				encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
			}
		}
		return encoded.toString();
	}

	private static boolean isUnreserved(byte b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
				|| b == '~';
	}

	private static String stripTrailingSlash(String base) {
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
