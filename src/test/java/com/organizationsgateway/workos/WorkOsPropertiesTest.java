package com.organizationsgateway.workos;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}
