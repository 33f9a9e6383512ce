package com.organizationsgateway.upstream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.organizationsgateway.local.LocalModeCondition;
import com.organizationsgateway.workos.WorkOsEndpoint;
import com.organizationsgateway.workos.WorkOsEndpointSource;
import com.organizationsgateway.workos.WorkOsProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Points the WorkOS client at WorkOS when {@code WORKOS_API_KEY} is set, or at the local
 * Organizations API otherwise, and says which in the log.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamConfiguration.class);

	@Bean
	@Conditional(LocalModeCondition.class)
	LocalEndpointSource localEndpointSource() {
		logger.info("Upstream: the embedded local Organizations API (no WORKOS_API_KEY set)");
		return new LocalEndpointSource();
	}

	@Bean
	@Conditional(WorkOsModeCondition.class)
	WorkOsEndpointSource workOsEndpointSource(WorkOsProperties properties) {
		logger.info("Upstream: WorkOS at {}", properties.apiBaseUrl());
		WorkOsEndpoint endpoint = new WorkOsEndpoint(properties.apiBaseUrl(), properties.apiKey());
		return () -> endpoint;
	}

}
