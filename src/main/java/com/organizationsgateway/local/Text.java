package com.organizationsgateway.local;

import java.util.regex.Pattern;

/**
 * Small string checks shared by the request readers.
 */
final class Text {

	// labels of letters, digits and inner hyphens; at least two labels; checked
	// lower-cased
	private static final Pattern DOMAIN = Pattern
		.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private Text() {
	}

	static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) > 0x7F) {
				return false;
			}
		}
		return true;
	}

	static boolean isPrintableAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	static boolean isDomain(String lowerCased) {
		return DOMAIN.matcher(lowerCased).matches();
	}

}
