package com.organizationsgateway.workos;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * Percent-encodes caller-supplied values for use as one path segment, so no id or
 * external id can change the request path: {@code /}, {@code ?}, {@code #} and {@code %}
 * are encoded, and the dot segments {@code .} and {@code ..} are encoded too because
 * servers resolve them.
 */
final class PathSegments {

	private PathSegments() {
	}

	static String encode(String value) {
		if (value.isEmpty()) {
			throw new IllegalArgumentException("A path segment must not be empty");
		}
		if (value.chars().allMatch((c) -> c == '.')) {
			return "%2E".repeat(value.length());
		}
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

}
