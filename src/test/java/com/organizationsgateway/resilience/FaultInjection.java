package com.organizationsgateway.resilience;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The test-only beans of the resilience tests: the fault-injecting filter in front of the
 * local API and an adjustable cache clock; see {@link FaultInjectedGateway}.
 */
@TestConfiguration(proxyBeanMethods = false)
class FaultInjection {

	@Bean
	UpstreamFaults upstreamFaults() {
		return new UpstreamFaults();
	}

	@Bean
	AdjustableTicker cacheTicker() {
		return new AdjustableTicker();
	}

}
