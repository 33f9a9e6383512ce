package com.organizationsgateway.organization;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code Subscription.organizationChanged}.
 *
 * @param bufferSize changes held for one subscriber that has not taken them yet; one more
 * ends its subscription with {@code LIMIT_EXCEEDED}, so that a slow client never holds up
 * the others nor silently misses a change
 * @param readTimeout how long the new state of a change that carries none (a webhook
 * names only the organization) may take to read before the change is delivered without it
 */
@ConfigurationProperties("gateway.graphql.subscriptions")
record SubscriptionProperties(@DefaultValue("256") int bufferSize, @DefaultValue("5s") Duration readTimeout) {

	SubscriptionProperties {
		if (bufferSize < 1) {
			throw new IllegalArgumentException("gateway.graphql.subscriptions.buffer-size must be at least 1");
		}
	}

}
