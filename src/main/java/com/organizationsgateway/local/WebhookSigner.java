package com.organizationsgateway.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs as WorkOS does: {@code t=<unix-ms>, v1=<hex HMAC-SHA256 of "<t>." + body>}. This
 * package's own copy, so that the gateway's verifier is checked against an independent
 * implementation.
 */
final class WebhookSigner {

	private WebhookSigner() {
	}

	static String signatureHeader(String secret, long timestampMillis, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestampMillis + ".").getBytes(StandardCharsets.US_ASCII));
			return "t=" + timestampMillis + ", v1=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
