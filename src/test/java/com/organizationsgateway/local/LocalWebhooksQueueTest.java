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

import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow receiver never slows the local API down: changes beyond the bounded queue are
 * dropped and counted, and telling the webhooks of a change returns at once.
 */
class LocalWebhooksQueueTest {

	@Test
	void aFullQueueDropsChangesInsteadOfBlocking() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		try (StubWorkOsServer slowReceiver = new StubWorkOsServer()) {
			slowReceiver.respond(StubResponse.json(200, "{}").delayedBy(Duration.ofSeconds(3)));
			LocalApiProperties.Webhooks settings = new LocalApiProperties.Webhooks(true,
					URI.create(slowReceiver.baseUrl() + "/hooks"), "whsec_queue_test", 1, 1, Duration.ofMillis(10),
					Duration.ofMillis(10), Duration.ofSeconds(10));
			LocalWebhooks webhooks = new LocalWebhooks(settings, JsonMapper.builder().build(), Clock.systemUTC(),
					meters);
			try {
				Instant now = Instant.now();
				LocalOrganization organization = new LocalOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY", "Slow",
						List.of(), Map.of(), null, null, now, now);
				long start = System.nanoTime();

				for (int i = 0; i < 10; i++) {
					webhooks.changed(ChangeListener.UPDATED, organization);
				}

				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				assertThat(elapsed).as("ten changes against a 3 s receiver").isLessThan(Duration.ofSeconds(2));
				// one in flight at most, one waiting: the rest is dropped
				assertThat(meters.get(LocalWebhooks.METER).tag("outcome", "dropped").counter().count())
					.isGreaterThanOrEqualTo(8);
			}
			finally {
				webhooks.close();
			}
		}
	}

}
