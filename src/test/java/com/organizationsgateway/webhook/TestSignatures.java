package com.organizationsgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The documented WorkOS webhook signature, written again from the documentation for
 * tests, so that neither side of the app signs or checks its own work.
 */
public final class TestSignatures {

	private TestSignatures() {
	}

	/** {@code t=<ms>, v1=<hex HMAC-SHA256(secret, "<t>." + body)>}. */
	public static String header(String secret, long timestampMillis, byte[] body) {
		return "t=" + timestampMillis + ", v1=" + HexFormat.of().formatHex(hmac(secret, timestampMillis, body));
	}

	/** Whether {@code header} is a valid signature of {@code body}, ignoring its age. */
	public static boolean verifies(String header, String secret, byte[] body) {
		String timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t")) {
				timestamp = pair[1];
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				signature = pair[1];
			}
		}
		if (timestamp == null || signature == null) {
			return false;
		}
		return MessageDigest.isEqual(hmac(secret, Long.parseLong(timestamp), body), HexFormat.of().parseHex(signature));
	}

	/** The {@code t} of a signature header. */
	public static long timestamp(String header) {
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair[0].equals("t")) {
				return Long.parseLong(pair[1]);
			}
		}
		throw new IllegalArgumentException("No timestamp in " + header);
	}

	private static byte[] hmac(String secret, long timestampMillis, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestampMillis + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
