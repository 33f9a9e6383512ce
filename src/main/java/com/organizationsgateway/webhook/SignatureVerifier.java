package com.organizationsgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Checks a {@code WorkOS-Signature: t=<unix-ms>, v1=<hex>} header: HMAC-SHA256 with the
 * endpoint secret over {@code "<t>."} followed by the raw body bytes, compared in
 * constant time, with the timestamp within the tolerance either way (so a captured
 * request cannot be replayed later, nor one dated ahead be kept for later). Parsing is
 * lenient as the SDKs are: spaces are optional, unknown parts are skipped, and several
 * {@code v1} values are allowed (any may match, as during a secret rotation).
 */
final class SignatureVerifier {

	/** A header longer than this is not a WorkOS signature. */
	private static final int MAX_HEADER_LENGTH = 1024;

	private static final int MAX_SIGNATURES = 8;

	private static final int SHA_256_LENGTH = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private final Duration tolerance;

	private final Clock clock;

	SignatureVerifier(String secret, Duration tolerance, Clock clock) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.tolerance = tolerance;
		this.clock = clock;
	}

	Verdict verify(@Nullable String header, byte[] body) {
		if (header == null) {
			return Verdict.MISSING;
		}
		Parsed parsed = parse(header);
		if (parsed == null) {
			return Verdict.MALFORMED;
		}
		byte[] expected = hmac(parsed.timestamp(), body);
		boolean matches = false;
		for (byte[] signature : parsed.signatures()) {
			// no early exit: every candidate costs the same
			matches |= MessageDigest.isEqual(expected, signature);
		}
		if (!matches) {
			return Verdict.MISMATCH;
		}
		long age = this.clock.millis() - Long.parseLong(parsed.timestamp());
		return (Math.abs(age) > this.tolerance.toMillis()) ? Verdict.OUTSIDE_TOLERANCE : Verdict.VALID;
	}

	private byte[] hmac(String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static @Nullable Parsed parse(String header) {
		if (header.length() > MAX_HEADER_LENGTH) {
			return null;
		}
		String timestamp = null;
		List<byte[]> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			int equals = part.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String name = part.substring(0, equals).trim();
			String value = part.substring(equals + 1).trim();
			if (name.equals("t")) {
				if (timestamp != null || !isTimestamp(value)) {
					return null;
				}
				timestamp = value;
			}
			else if (name.equals("v1")) {
				byte[] signature = hex(value);
				if (signature != null && signatures.size() < MAX_SIGNATURES) {
					signatures.add(signature);
				}
			}
		}
		return (timestamp != null && !signatures.isEmpty()) ? new Parsed(timestamp, signatures) : null;
	}

	private static boolean isTimestamp(String value) {
		return !value.isEmpty() && value.length() <= 15 && value.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	private static byte @Nullable [] hex(String value) {
		if (value.length() != 2 * SHA_256_LENGTH) {
			return null;
		}
		try {
			return HexFormat.of().parseHex(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private record Parsed(String timestamp, List<byte[]> signatures) {

	}

	/** What a signature check found. */
	enum Verdict {

		VALID,

		/** No {@code WorkOS-Signature} header. */
		MISSING,

		/** No timestamp, no well-formed {@code v1}, or two timestamps. */
		MALFORMED,

		/** Well-formed, but no {@code v1} matches the body under this secret. */
		MISMATCH,

		/** Genuine, but dated outside the tolerance. */
		OUTSIDE_TOLERANCE

	}

}
