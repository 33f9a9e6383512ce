package com.organizationsgateway.local;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which answers the local API's webhooks try again: 408, 429 and 5xx are retried up to
 * {@code max-attempts}; any other 4xx is the receiver's final word.
 */
class LocalWebhooksRetryTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final StubWorkOsServer receiver = new StubWorkOsServer();

	private final LocalWebhooks webhooks = new LocalWebhooks(
			new LocalApiProperties.Webhooks(true, URI.create(this.receiver.baseUrl() + "/hooks"), "whsec_retry_test",
					10, 4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)),
			JsonMapper.builder().build(), Clock.systemUTC(), this.meters);

	@AfterEach
	void stop() {
		this.webhooks.close();
		this.receiver.close();
	}

	@Test
	void timeoutsRateLimitsAndServerErrorsAreRetried() {
		AtomicInteger attempts = new AtomicInteger();
		this.receiver.respond((request) -> switch (attempts.incrementAndGet()) {
			case 1 -> StubResponse.json(408, "{}");
			case 2 -> StubResponse.json(429, "{}");
			case 3 -> StubResponse.json(502, "{}");
			default -> StubResponse.json(200, "{}");
		});

		this.webhooks.changed(ChangeListener.UPDATED, organization());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count("delivered")).isEqualTo(1));
		assertThat(this.receiver.requests()).hasSize(4);
		assertThat(this.receiver.requests()).extracting(StubWorkOsServer.RecordedRequest::body)
			.containsOnly(this.receiver.requests().get(0).body());
	}

	@Test
	void aRefusalIsNotRetriedAndTheNextEventStillGoes() {
		AtomicInteger attempts = new AtomicInteger();
		this.receiver.respond((request) -> (attempts.incrementAndGet() == 1) ? StubResponse.json(400, "{}")
				: StubResponse.json(200, "{}"));

		this.webhooks.changed(ChangeListener.UPDATED, organization());
		this.webhooks.changed(ChangeListener.DELETED, organization());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count("delivered")).isEqualTo(1));
		assertThat(count("failed")).isEqualTo(1);
		assertThat(this.receiver.requests()).hasSize(2);
	}

	@Test
	void aReceiverThatKeepsFailingGetsMaxAttempts() {
		this.receiver.respond(StubResponse.json(503, "{}"));

		this.webhooks.changed(ChangeListener.UPDATED, organization());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count("failed")).isEqualTo(1));
		assertThat(this.receiver.requests()).hasSize(4);
	}

	private double count(String outcome) {
		return this.meters.get(LocalWebhooks.METER).tag("outcome", outcome).counter().count();
	}

	private static LocalOrganization organization() {
		Instant now = Instant.now();
		return new LocalOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY", "Retried", List.of(), Map.of(), null, null, now,
				now);
	}

}
