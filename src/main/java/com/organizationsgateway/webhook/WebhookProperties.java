package com.organizationsgateway.webhook;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the WorkOS webhook endpoint.
 *
 * @param secret the endpoint's signing secret from the WorkOS dashboard; without one (and
 * without local mode's self-loop) the endpoint is off
 * @param tolerance how far the signature's timestamp may be from now, either way
 * @param maxBodySize the largest event body read; larger is refused with 413
 * @param rememberedEvents how many event ids are remembered to acknowledge a redelivery
 * without applying it again
 */
@ConfigurationProperties("gateway.webhooks")
public record WebhookProperties(@Nullable String secret, @DefaultValue("180s") Duration tolerance,
		@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("100000") long rememberedEvents) {

	/** Whether a secret is configured. */
	public boolean hasSecret() {
		return this.secret != null && !this.secret.isBlank();
	}

	/** The configured secret, or null when there is none. */
	public @Nullable WebhookSecret configuredSecret() {
		return (this.secret != null && !this.secret.isBlank())
				? new WebhookSecret(this.secret, "gateway.webhooks.secret") : null;
	}

	@Override
	public String toString() {
		return "WebhookProperties[secret=" + (hasSecret() ? "******" : "<none>") + ", tolerance=" + this.tolerance
				+ ", maxBodySize=" + this.maxBodySize + ", rememberedEvents=" + this.rememberedEvents + "]";
	}

}
