package com.organizationsgateway.local;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Organizations API, which serves the gateway when no WorkOS API
 * key is set.
 *
 * @param seed whether to create a handful of example organizations at startup
 * @param idempotencyKeyTtl how long a successful create is replayed for a repeated
 * {@code Idempotency-Key}
 * @param webhooks the signed webhooks it sends after each change
 * @param domains the domain verification it plays
 */
@ConfigurationProperties(LocalApiProperties.PREFIX)
record LocalApiProperties(@DefaultValue("true") boolean seed, @DefaultValue("24h") Duration idempotencyKeyTtl,
		@DefaultValue Webhooks webhooks, @DefaultValue Domains domains) {

	/**
	 * How the local API verifies domains added through {@code /organization_domains}.
	 *
	 * @param verificationPeriod how long a DNS verification may go unproven before a
	 * verify call fails it, as WorkOS fails one after thirty days; {@code 0s} fails the
	 * first verify call that finds no TXT record, to try the failed state
	 */
	record Domains(@DefaultValue("30d") Duration verificationPeriod) {

	}

	static final String PREFIX = "gateway.local-api";

	/**
	 * Where and how the local API delivers WorkOS-style webhooks. With neither a target
	 * nor a secret, the app may give it one (the gateway points it at itself).
	 *
	 * @param enabled false sends none at all
	 * @param targetUrl where to POST events
	 * @param secret the signing secret the receiver verifies with
	 * @param queueCapacity events waiting for delivery; more are dropped
	 * @param maxAttempts tries per event, the first included
	 * @param initialBackoff the wait before the first retry, doubled after each, with
	 * Reactor's jitter of up to half of it either way
	 * @param maxBackoff the longest wait between two tries
	 * @param timeout connect and response timeout of one attempt
	 */
	record Webhooks(@DefaultValue("true") boolean enabled, @Nullable URI targetUrl, @Nullable String secret,
			@DefaultValue("1000") int queueCapacity, @DefaultValue("4") int maxAttempts,
			@DefaultValue("200ms") Duration initialBackoff, @DefaultValue("5s") Duration maxBackoff,
			@DefaultValue("5s") Duration timeout) {

		boolean hasTarget() {
			return this.targetUrl != null && !this.targetUrl.toString().isBlank();
		}

		boolean hasSecret() {
			return this.secret != null && !this.secret.isBlank();
		}

		@Override
		public String toString() {
			return "Webhooks[enabled=" + this.enabled + ", targetUrl=" + this.targetUrl + ", secret="
					+ (hasSecret() ? "******" : "<none>") + ", queueCapacity=" + this.queueCapacity + ", maxAttempts="
					+ this.maxAttempts + ", initialBackoff=" + this.initialBackoff + ", maxBackoff=" + this.maxBackoff
					+ ", timeout=" + this.timeout + "]";
		}

	}

}
