package com.organizationsgateway.peers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The link to other instances, as {@code peers} under {@code /actuator/health}. Always
 * UP: without Redis this instance still answers every read correctly, only with a shorter
 * cache lifetime, so a Redis outage must not take instances out of rotation (all of them
 * would go at once). The details say whether the link is down and since when.
 */
final class PeerHealthIndicator implements HealthIndicator {

	private final PeerSubscription subscription;

	PeerHealthIndicator(PeerSubscription subscription) {
		this.subscription = subscription;
	}

	@Override
	public Health health() {
		PeerSubscription.State state = this.subscription.state();
		return Health.up()
			.withDetail("subscription", state.name())
			.withDetail("since", this.subscription.since().toString())
			.withDetail("channel", this.subscription.channel())
			.withDetail("instance", this.subscription.instance())
			.withDetail("invalidation",
					(state == PeerSubscription.State.SUBSCRIBED) ? "live"
							: "degraded: short cache lifetime until the subscription is back")
			.build();
	}

}
