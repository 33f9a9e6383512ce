package com.organizationsgateway.local;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.OrganizationsGatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A webhook target the local API cannot send to: refused at startup with the property
 * named, and should one get through anyway, every event is counted as failed while the
 * sender keeps going.
 */
class LocalWebhooksTargetTest {

	/** Reads as scheme "localhost", which no HTTP client can send to. */
	private static final String NO_HTTP_URL = "localhost:3000/webhooks/workos";

	@Test
	void aTargetThatIsNoHttpUrlIsRefusedAtStartup() {
		Throwable refused = catchThrowable(() -> new SpringApplicationBuilder(OrganizationsGatewayApplication.class)
			.properties("server.port=0", "gateway.workos.api-key=", "gateway.local-api.seed=false",
					"gateway.local-api.webhooks.target-url=" + NO_HTTP_URL,
					"gateway.local-api.webhooks.secret=whsec_target_test")
			.run()
			.close());

		assertThat(refused).hasRootCauseMessage(
				"gateway.local-api.webhooks.target-url must be an absolute http or https URL, such as http://localhost:3000/webhooks/workos; it is "
						+ NO_HTTP_URL);
	}

	@Test
	void anEventThatCannotBeSentIsCountedAndTheSenderGoesOn() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		LocalApiProperties.Webhooks settings = new LocalApiProperties.Webhooks(true, URI.create(NO_HTTP_URL),
				"whsec_target_test", 10, 1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1));
		LocalWebhooks webhooks = new LocalWebhooks(settings, JsonMapper.builder().build(), Clock.systemUTC(), meters);
		try {
			Instant now = Instant.now();
			LocalOrganization organization = new LocalOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY", "Unsendable",
					List.of(), Map.of(), null, null, now, now);

			webhooks.changed(ChangeListener.UPDATED, organization);
			webhooks.changed(ChangeListener.UPDATED, organization);

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(meters.get(LocalWebhooks.METER).tag("outcome", "failed").counter().count())
							.isEqualTo(2));
		}
		finally {
			webhooks.close();
		}
	}

}
