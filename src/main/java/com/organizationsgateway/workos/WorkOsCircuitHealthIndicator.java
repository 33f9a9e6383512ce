package com.organizationsgateway.workos;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The WorkOS circuit as a health component ({@code workosCircuit}, in the readiness
 * group): OUT_OF_SERVICE while the circuit is open, UP when closed or probing.
 */
class WorkOsCircuitHealthIndicator implements HealthIndicator {

	private final WorkOsResilience resilience;

	WorkOsCircuitHealthIndicator(WorkOsResilience resilience) {
		this.resilience = resilience;
	}

	@Override
	public Health health() {
		CircuitBreaker.State state = this.resilience.circuitState();
		Health.Builder health = (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN)
				? Health.outOfService() : Health.up();
		return health.withDetail("state", state.name())
			.withDetail("retryBudgetTokens", Math.floor(this.resilience.retryBudgetTokens()))
			.build();
	}

}
