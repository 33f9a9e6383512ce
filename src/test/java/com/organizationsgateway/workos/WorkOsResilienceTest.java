package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client behind {@link WorkOsResilience} against a scripted server: attempts per
 * method and failure, idempotency keys reused on retry, a DELETE whose first answer was
 * lost, the retry budget, the circuit opening and recovering (and readiness with it), and
 * the bulkhead refusing at once.
 */
class WorkOsResilienceTest {

	private static final String ID = "org_01EHZNVPK3SFK441A1RGBFSHRT";

	private static final String ORGANIZATION = "{\"object\":\"organization\",\"id\":\"" + ID
			+ "\",\"name\":\"Acme\",\"domains\":[],\"metadata\":{},\"external_id\":null,"
			+ "\"created_at\":\"2026-01-15T12:00:00.000Z\",\"updated_at\":\"2026-01-15T12:00:00.000Z\"}";

	private final StubWorkOsServer server = new StubWorkOsServer();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aReadIsRetriedAfter5xxAndDroppedConnections() {
		AtomicInteger calls = new AtomicInteger();
		this.server.respond((request) -> switch (calls.incrementAndGet()) {
			case 1 -> StubWorkOsServer.StubResponse.json(503, "{}");
			case 2 -> StubWorkOsServer.StubResponse.drop();
			default -> StubWorkOsServer.StubResponse.json(200, ORGANIZATION);
		});

		WorkOsOrganization organization = client(properties(3)).getOrganization(ID).block(Duration.ofSeconds(5));

		assertThat(organization.id()).isEqualTo(ID);
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void aDeadUpstreamCostsExactlyMaxAttempts() {
		this.server.respond(StubWorkOsServer.StubResponse.drop());

		Throwable failure = catchThrowable(
				() -> client(properties(4)).getOrganization(ID).block(Duration.ofSeconds(5)));

		assertThat(failure).isInstanceOf(WorkOsException.TransportFailure.class);
		assertThat(this.server.requests()).hasSize(4);
	}

	@Test
	void aCreateWithoutKeyIsNotRetriedAfterAnAmbiguousFailure() {
		this.server.respond(StubWorkOsServer.StubResponse.json(502, "{}"));

		Throwable failure = catchThrowable(() -> client(properties(3))
			.createOrganization(new CreateOrganizationRequest("Acme", null, null, null), null)
			.block(Duration.ofSeconds(5)));

		assertThat(failure).isInstanceOf(WorkOsException.ServerError.class);
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aKeyedCreateIsRetriedWithTheSameKey() {
		AtomicInteger calls = new AtomicInteger();
		this.server.respond((request) -> (calls.incrementAndGet() == 1) ? StubWorkOsServer.StubResponse.drop()
				: StubWorkOsServer.StubResponse.json(201, ORGANIZATION));

		client(properties(3)).createOrganization(new CreateOrganizationRequest("Acme", null, null, null), "key-1")
			.block(Duration.ofSeconds(5));

		assertThat(this.server.requests()).extracting((request) -> request.header("Idempotency-Key"))
			.containsExactly("key-1", "key-1");
	}

	@Test
	void aDeleteWhoseFirstAnswerWasLostIsDoneWhenTheRetrySees404() {
		AtomicInteger calls = new AtomicInteger();
		this.server.respond((request) -> (calls.incrementAndGet() == 1) ? StubWorkOsServer.StubResponse.json(503, "{}")
				: StubWorkOsServer.StubResponse.json(404, "{\"message\":\"Organization not found\"}"));

		client(properties(3)).deleteOrganization(ID).block(Duration.ofSeconds(5));

		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void aDeleteOfAMissingOrganizationIsStillNotFound() {
		this.server.respond(StubWorkOsServer.StubResponse.json(404, "{\"message\":\"Organization not found\"}"));

		Throwable failure = catchThrowable(
				() -> client(properties(3)).deleteOrganization(ID).block(Duration.ofSeconds(5)));

		assertThat(failure).isInstanceOf(WorkOsException.NotFound.class);
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void theRetryBudgetCapsRetriesAcrossCalls() {
		this.server.respond(StubWorkOsServer.StubResponse.json(500, "{}"));
		ResilienceProperties defaults = properties(3);
		// A reserve of 2 retries and none earned: ten failing calls make 12 requests,
		// not 30.
		ResilienceProperties budgeted = new ResilienceProperties(3, defaults.initialBackoff(), defaults.maxBackoff(),
				defaults.maxRetryAfter(), 0, 2, defaults.callTimeout(), 100, 1000, 1000, defaults.circuitOpenDuration(),
				1, 64);
		WorkOsClient client = client(budgeted);

		for (int i = 0; i < 10; i++) {
			catchThrowable(() -> client.getOrganization(ID).block(Duration.ofSeconds(5)));
		}

		assertThat(this.server.requests()).hasSize(12);
	}

	@Test
	void theCircuitOpensFailsFastAndRecoversThroughHalfOpen() {
		ResilienceProperties defaults = properties(1);
		ResilienceProperties circuit = new ResilienceProperties(1, defaults.initialBackoff(), defaults.maxBackoff(),
				defaults.maxRetryAfter(), 0.2, 10, defaults.callTimeout(), 50, 4, 4, Duration.ofMillis(300), 1, 64);
		WorkOsResilience resilience = WorkOsResilience.of(circuit, new SimpleMeterRegistry());
		WorkOsCircuitHealthIndicator health = new WorkOsCircuitHealthIndicator(resilience);
		WorkOsClient client = this.server.client(Duration.ofSeconds(2), resilience);
		this.server.respond(StubWorkOsServer.StubResponse.json(503, "{}"));
		for (int i = 0; i < 4; i++) {
			catchThrowable(() -> client.getOrganization(ID).block(Duration.ofSeconds(5)));
		}
		assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

		long start = System.nanoTime();
		Throwable rejected = catchThrowable(() -> client.getOrganization(ID).block(Duration.ofSeconds(5)));
		Duration failFast = Duration.ofNanos(System.nanoTime() - start);
		assertThat(rejected).isInstanceOfSatisfying(WorkOsException.Rejected.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(WorkOsException.Rejected.Reason.CIRCUIT_OPEN));
		assertThat(this.server.requests()).hasSize(4);
		assertThat(failFast).isLessThan(Duration.ofMillis(100));

		// No traffic needed: after the open period (300 ms) the circuit lets a probe
		// through, on a timer that a loaded machine may run late.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.HALF_OPEN));
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		this.server.respond(StubWorkOsServer.StubResponse.json(200, ORGANIZATION));
		assertThat(client.getOrganization(ID).block(Duration.ofSeconds(5)).id()).isEqualTo(ID);
		assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
		System.out.printf("circuit: open after 4 failed calls, rejected in %d ms, closed after one probe%n",
				failFast.toMillis());
	}

	@Test
	void theBulkheadRefusesCallsBeyondTheCapAtOnce() {
		ResilienceProperties defaults = properties(1);
		ResilienceProperties capped = new ResilienceProperties(1, defaults.initialBackoff(), defaults.maxBackoff(),
				defaults.maxRetryAfter(), 0.2, 10, defaults.callTimeout(), 100, 1000, 1000,
				defaults.circuitOpenDuration(), 1, 2);
		WorkOsClient client = client(capped);
		this.server.respond(StubWorkOsServer.StubResponse.json(200, ORGANIZATION).delayedBy(Duration.ofMillis(800)));

		long start = System.nanoTime();
		List<Object> results = new ArrayList<>();
		Flux.range(0, 5)
			.flatMap((i) -> client.getOrganization(ID)
				.<Object>map((organization) -> "ok")
				.onErrorResume(WorkOsException.Rejected.class,
						(ex) -> Mono.just(ex.reason().name() + "@" + (System.nanoTime() - start) / 1_000_000)))
			.doOnNext(results::add)
			.blockLast(Duration.ofSeconds(5));

		assertThat(results).filteredOn("ok"::equals).hasSize(2);
		List<Object> refused = results.stream().filter((result) -> !"ok".equals(result)).toList();
		assertThat(refused).hasSize(3)
			.allSatisfy((result) -> assertThat((String) result).startsWith("TOO_MANY_CONCURRENT_CALLS@"));
		assertThat(refused)
			.allSatisfy((result) -> assertThat(Long.parseLong(((String) result).split("@")[1])).isLessThan(400));
		assertThat(this.server.requests()).hasSize(2);
	}

	private WorkOsClient client(ResilienceProperties properties) {
		return this.server.client(Duration.ofSeconds(2), WorkOsResilience.of(properties, new SimpleMeterRegistry()));
	}

	/** Fast backoff and a circuit that stays closed, with {@code attempts} per call. */
	private static ResilienceProperties properties(int attempts) {
		return new ResilienceProperties(attempts, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2),
				0.2, 100, Duration.ofSeconds(4), 100, 1000, 1000, Duration.ofSeconds(10), 1, 64);
	}

}
