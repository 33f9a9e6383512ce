package com.organizationsgateway.local;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Organizations API.
 *
 * @param seed whether to create a handful of example organizations at startup
 * @param idempotencyKeyTtl how long a successful create is replayed for a repeated
 * {@code Idempotency-Key}
 */
@ConfigurationProperties("local-api")
record LocalApiProperties(@DefaultValue("true") boolean seed, @DefaultValue("24h") Duration idempotencyKeyTtl) {
}
