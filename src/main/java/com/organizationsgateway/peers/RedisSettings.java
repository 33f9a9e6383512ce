package com.organizationsgateway.peers;

import java.util.List;

import org.springframework.core.env.Environment;

/**
 * Whether Redis is configured at all. Spring Boot's Redis support would otherwise assume
 * a server on localhost:6379, which a single instance does not have.
 */
final class RedisSettings {

	/**
	 * Any of these makes Redis configured: a standalone server, a URL, Sentinel or a
	 * cluster.
	 */
	private static final List<String> ANY_OF = List.of("spring.data.redis.host", "spring.data.redis.url",
			"spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes",
			"spring.data.redis.cluster.nodes[0]");

	private RedisSettings() {
	}

	static boolean configured(Environment environment) {
		return ANY_OF.stream().anyMatch((name) -> {
			String value = environment.getProperty(name);
			return value != null && !value.isBlank();
		});
	}

}
