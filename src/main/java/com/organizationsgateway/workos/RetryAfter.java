package com.organizationsgateway.workos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code Retry-After} header, which carries either delta-seconds or an HTTP date
 * (RFC 9110 section 10.2.3).
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * The wait the header asks for, never negative; null when the header is absent or
	 * unreadable.
	 */
	public static @Nullable Duration parse(@Nullable String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		if (value.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(clock.instant(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
