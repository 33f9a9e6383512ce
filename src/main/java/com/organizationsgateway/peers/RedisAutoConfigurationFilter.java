package com.organizationsgateway.peers;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out all of Spring Boot's Redis auto-configuration (connection factory,
 * templates, health indicator, Lettuce observation) unless Redis is configured. Boot
 * would otherwise create a client for localhost:6379 and a health indicator that reports
 * it DOWN on every single-instance deployment. Registered in
 * {@code META-INF/spring.factories}.
 */
class RedisAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	static final String REDIS_AUTO_CONFIGURATION = "org.springframework.boot.data.redis.autoconfigure.";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(@Nullable String[] candidates, AutoConfigurationMetadata metadata) {
		boolean redis = this.environment != null && RedisSettings.configured(this.environment);
		boolean[] matches = new boolean[candidates.length];
		for (int i = 0; i < candidates.length; i++) {
			String candidate = candidates[i];
			matches[i] = redis || candidate == null || !candidate.startsWith(REDIS_AUTO_CONFIGURATION);
		}
		return matches;
	}

}
