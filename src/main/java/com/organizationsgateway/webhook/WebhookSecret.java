package com.organizationsgateway.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A webhook signing secret that did not come from {@code gateway.webhooks.secret}, such
 * as the one local mode generates for the local API's webhooks to the gateway itself. A
 * bean of this type switches the endpoint on when no secret is configured.
 *
 * @param value the secret
 * @param origin where it came from, for the startup log
 */
public record WebhookSecret(String value, String origin) {

	private static final SecureRandom random = new SecureRandom();

	public WebhookSecret {
		if (value.isBlank()) {
			throw new IllegalArgumentException("A webhook secret must not be blank");
		}
	}

	/** A fresh random secret of 256 bits. */
	public static WebhookSecret generate(String origin) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return new WebhookSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), origin);
	}

	@Override
	public String toString() {
		return "WebhookSecret[value=******, origin=" + this.origin + "]";
	}

}
