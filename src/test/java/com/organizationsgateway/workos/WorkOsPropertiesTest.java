package com.organizationsgateway.workos;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WorkOS settings: the key never printed, and the environment variables WorkOS users
 * know ({@code WORKOS_API_KEY}, {@code WORKOS_API_BASE_URL}) read through
 * {@code application.yaml} without restating the record's defaults.
 */
class WorkOsPropertiesTest {

	private static final String KEY = "sk_live_do_not_print_me";

	@Test
	void neverPrintsTheKey() {
		WorkOsProperties properties = new WorkOsProperties(KEY, URI.create("https://api.workos.com"),
				Duration.ofSeconds(2), Duration.ofSeconds(10));

		assertThat(properties.toString()).doesNotContain(KEY).contains("******");
		assertThat(new WorkOsEndpoint(URI.create("https://api.workos.com"), KEY).toString()).doesNotContain(KEY);
	}

	@Test
	void aBlankKeyMeansNoKey() {
		assertThat(new WorkOsProperties("  ", URI.create("https://api.workos.com"), Duration.ofSeconds(2),
				Duration.ofSeconds(10))
			.hasApiKey()).isFalse();
		assertThat(new WorkOsProperties(null, URI.create("https://api.workos.com"), Duration.ofSeconds(2),
				Duration.ofSeconds(10))
			.hasApiKey()).isFalse();
	}

	@Test
	void withoutTheWorkOsVariablesThereIsNoKeyAndTheBaseUrlIsWorkOs() throws IOException {
		WorkOsProperties properties = bindWithEnvironment(Map.of());

		assertThat(properties.hasApiKey()).isFalse();
		assertThat(properties.apiBaseUrl()).isEqualTo(URI.create("https://api.workos.com"));
	}

	@Test
	void theWorkOsVariablesSetKeyAndBaseUrl() throws IOException {
		WorkOsProperties properties = bindWithEnvironment(
				Map.of("WORKOS_API_KEY", KEY, "WORKOS_API_BASE_URL", "http://127.0.0.1:9/workos"));

		assertThat(properties.apiKey()).isEqualTo(KEY);
		assertThat(properties.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/workos"));
	}

	/** {@code gateway.workos} bound from the app's own yaml and the given variables. */
	private static WorkOsProperties bindWithEnvironment(Map<String, Object> variables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		sources.addLast(new MapPropertySource("variables", variables));
		new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
			.forEach(sources::addLast);
		return Binder.get(environment).bindOrCreate("gateway.workos", WorkOsProperties.class);
	}

}
