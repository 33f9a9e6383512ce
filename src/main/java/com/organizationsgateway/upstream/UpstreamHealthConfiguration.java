package com.organizationsgateway.upstream;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code upstream} health indicator, part of the readiness group: WorkOS reachability
 * in WorkOS mode; in local mode the upstream is the gateway itself, so always up.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamHealthConfiguration {

	@Bean
	@Conditional(WorkOsModeCondition.class)
	UpstreamCallTracker upstreamCallTracker() {
		return new UpstreamCallTracker(Clock.systemUTC());
	}

	/** Named so that its health contributor is {@code upstream}. */
	@Bean
	HealthIndicator upstreamHealthIndicator(ObjectProvider<UpstreamCallTracker> tracker,
			UpstreamHealthProperties properties) {
		UpstreamCallTracker workOsCalls = tracker.getIfAvailable();
		if (workOsCalls == null) {
			Health local = Health.up().withDetail("upstream", "local").build();
			return () -> local;
		}
		return new UpstreamHealthIndicator(workOsCalls, properties, Clock.systemUTC());
	}

}
