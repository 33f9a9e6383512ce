package com.organizationsgateway.resilience;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The test-only beans of the resilience tests: the fault-injecting filter in front of the
 * local API and an adjustable cache clock. {@link #PROPERTIES} shrink every timeout so
 * that the tests take seconds; the circuit is effectively off here (it has its own tests
 * against a stub), so that attempt counts do not depend on test order.
 */
@TestConfiguration(proxyBeanMethods = false)
class FaultInjection {

	static final String[] PROPERTIES = { "local-api.seed=false", "workos.response-timeout=300ms",
			"workos.resilience.initial-backoff=20ms", "workos.resilience.max-backoff=100ms",
			"workos.resilience.max-retry-after=2s", "workos.resilience.call-timeout=2s",
			"workos.resilience.retry-budget-minimum=100000", "workos.resilience.circuit-window-size=1000",
			"workos.resilience.circuit-minimum-calls=1000", "workos.resilience.circuit-failure-rate=100",
			"gateway.operation.timeout=3s", "spring.http.codecs.max-in-memory-size=64KB" };

	@Bean
	UpstreamFaults upstreamFaults() {
		return new UpstreamFaults();
	}

	@Bean
	AdjustableTicker cacheTicker() {
		return new AdjustableTicker();
	}

}
