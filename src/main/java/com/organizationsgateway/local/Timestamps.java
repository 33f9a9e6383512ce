package com.organizationsgateway.local;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats instants as WorkOS does: ISO-8601 UTC with exactly three fractional digits.
 * Done by hand because Jackson drops trailing zero millis.
 */
final class Timestamps {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	static String format(Instant instant) {
		return FORMAT.format(instant);
	}

}
