package com.organizationsgateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Refuses to start when a setting still uses a name from before the settings moved under
 * one root ({@code gateway.*}) and one naming scheme ({@code max-*}): ignored, an old
 * {@code workos.api-key} would silently switch the gateway to local mode. Runs once the
 * configuration files are loaded, and names each old setting with its new name.
 */
class RenamedSettingsCheck implements EnvironmentPostProcessor {

	/** Old name to new name, for every setting that was renamed. */
	static final Map<String, String> RENAMED = renamed();

	/**
	 * Environment variables that WorkOS users know, mapped to the new names in
	 * {@code application.yaml}: in the environment they are not an old setting.
	 */
	private static final Set<String> ENVIRONMENT_ALIASES = Set.of("workos.api-key", "workos.api-base-url");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<String> found = new ArrayList<>();
		for (PropertySource<?> propertySource : environment.getPropertySources()) {
			ConfigurationPropertySource source = ConfigurationPropertySource.from(propertySource);
			if (source == null || ConfigurationPropertySources.isAttachedConfigurationPropertySource(propertySource)) {
				continue;
			}
			boolean environmentVariables = propertySource instanceof SystemEnvironmentPropertySource;
			RENAMED.forEach((oldName, newName) -> {
				if (environmentVariables && ENVIRONMENT_ALIASES.contains(oldName)) {
					return;
				}
				ConfigurationProperty property = source.getConfigurationProperty(ConfigurationPropertyName.of(oldName));
				if (property != null) {
					found.add(oldName + " is now " + newName + " (" + property.getOrigin()
							+ (environmentVariables ? "; the variable is now " + environmentName(newName) : "") + ")");
				}
			});
		}
		if (!found.isEmpty()) {
			throw new RenamedSettingsException(found);
		}
	}

	/** The environment variable Spring Boot reads for a setting. */
	static String environmentName(String name) {
		return name.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
	}

	private static Map<String, String> renamed() {
		Map<String, String> renamed = new LinkedHashMap<>();
		for (String name : List.of("api-key", "api-base-url", "connect-timeout", "response-timeout",
				"resilience.max-attempts", "resilience.initial-backoff", "resilience.max-backoff",
				"resilience.max-retry-after", "resilience.retry-budget-ratio", "resilience.retry-budget-minimum",
				"resilience.call-timeout", "resilience.circuit-failure-rate", "resilience.circuit-window-size",
				"resilience.circuit-minimum-calls", "resilience.circuit-open-duration",
				"resilience.circuit-half-open-calls", "resilience.max-concurrent-calls")) {
			renamed.put("workos." + name, "gateway.workos." + name);
		}
		for (String name : List.of("seed", "idempotency-key-ttl", "webhooks.enabled", "webhooks.target-url",
				"webhooks.secret", "webhooks.queue-capacity", "webhooks.max-attempts", "webhooks.initial-backoff",
				"webhooks.timeout")) {
			renamed.put("local-api." + name, "gateway.local-api." + name);
		}
		renamed.put("gateway.operation.timeout", "gateway.graphql.limits.operation-timeout");
		renamed.put("gateway.subscriptions.buffer-size", "gateway.graphql.subscriptions.buffer-size");
		renamed.put("gateway.subscriptions.read-timeout", "gateway.graphql.subscriptions.read-timeout");
		renamed.put("gateway.graphql.documents.maximum-characters", "gateway.graphql.documents.max-characters");
		renamed.put("gateway.graphql.documents.maximum-length", "gateway.graphql.documents.max-length");
		renamed.put("gateway.graphql.response-cache.maximum-total-size",
				"gateway.graphql.response-cache.max-total-size");
		renamed.put("gateway.graphql.response-cache.maximum-response-size",
				"gateway.graphql.response-cache.max-response-size");
		renamed.put("gateway.cache.maximum-size", "gateway.cache.max-size");
		return Collections.unmodifiableMap(renamed);
	}

}
