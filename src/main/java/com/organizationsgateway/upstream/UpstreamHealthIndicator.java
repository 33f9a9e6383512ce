package com.organizationsgateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness's view of WorkOS: down after several failed calls in a row, until a call
 * succeeds or the window passes without a failure. It reads the calls the gateway made
 * anyway, so a probe costs no upstream request.
 */
class UpstreamHealthIndicator implements HealthIndicator {

	private final UpstreamCallTracker tracker;

	private final UpstreamHealthProperties properties;

	private final Clock clock;

	UpstreamHealthIndicator(UpstreamCallTracker tracker, UpstreamHealthProperties properties, Clock clock) {
		this.tracker = tracker;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Health health() {
		UpstreamCallTracker.Snapshot calls = this.tracker.snapshot();
		Instant lastFailure = calls.lastFailure();
		boolean failing = calls.consecutiveFailures() >= this.properties.failureThreshold() && lastFailure != null
				&& Duration.between(lastFailure, this.clock.instant()).compareTo(this.properties.window()) < 0;
		Health.Builder health = failing ? Health.down() : Health.up();
		health.withDetail("upstream", "workos").withDetail("consecutiveFailures", calls.consecutiveFailures());
		if (calls.lastSuccess() != null) {
			health.withDetail("lastSuccess", calls.lastSuccess().toString());
		}
		if (lastFailure != null) {
			health.withDetail("lastFailure", lastFailure.toString());
		}
		return health.build();
	}

}
