package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import com.organizationsgateway.TestProperties;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the client's retries happen, on virtual time: Reactor's exponential backoff from
 * {@code initial-backoff} with its jitter of up to half either way, a {@code Retry-After}
 * waited out before it, and every retry counted.
 */
class WorkOsRetryTimingTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final WorkOsResilience resilience = WorkOsResilience.of(TestProperties.bind(ResilienceProperties.class,
			"max-attempts", "3", "initial-backoff", "100ms", "max-backoff", "2s"), this.meters);

	@Test
	void retriesBackOffExponentiallyWithinTheJitter() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> attempt = failingFirst(attempts, 2, error(503, null));

		StepVerifier.withVirtualTime(() -> this.resilience.call(HttpMethod.GET, false, attempt))
			.expectSubscription()
			.then(() -> assertThat(attempts).hasValue(1))
			// first retry after 100 ms, plus up to 50 ms of jitter
			.thenAwait(Duration.ofMillis(99))
			.then(() -> assertThat(attempts).hasValue(1))
			.thenAwait(Duration.ofMillis(51))
			.then(() -> assertThat(attempts).hasValue(2))
			// second after 200 ms, give or take 100 ms: not before 200 ms in all
			.thenAwait(Duration.ofMillis(49))
			.then(() -> assertThat(attempts).hasValue(2))
			.thenAwait(Duration.ofMillis(251))
			.expectNext("ok")
			.verifyComplete();
		assertThat(attempts).hasValue(3);
		assertThat(retries("retried")).isEqualTo(2);
	}

	@Test
	void aRetryAfterIsWaitedOutBeforeTheBackoff() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> attempt = failingFirst(attempts, 1, error(429, Duration.ofSeconds(1)));

		StepVerifier.withVirtualTime(() -> this.resilience.call(HttpMethod.GET, false, attempt))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(1099))
			.then(() -> assertThat(attempts).hasValue(1))
			.thenAwait(Duration.ofMillis(51))
			.expectNext("ok")
			.verifyComplete();
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aSpentBudgetEndsTheCallWithItsFailureAndIsCounted() {
		WorkOsResilience stingy = WorkOsResilience.of(TestProperties.bind(ResilienceProperties.class, "max-attempts",
				"3", "retry-budget-ratio", "0", "retry-budget-minimum", "1"), this.meters);
		AtomicInteger attempts = new AtomicInteger();
		WorkOsException failure = error(503, null);

		StepVerifier.withVirtualTime(() -> stingy.call(HttpMethod.GET, false, failingFirst(attempts, 5, failure)))
			.thenAwait(Duration.ofSeconds(5))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure))
			.verify();
		assertThat(attempts).hasValue(2);
		assertThat(retries("retried")).isEqualTo(1);
		assertThat(retries("budget_exhausted")).isEqualTo(1);
	}

	private double retries(String outcome) {
		return this.meters.get(WorkOsResilience.RETRIES_METER).tag("outcome", outcome).counter().count();
	}

	/** Fails the first {@code failures} attempts, then answers "ok". */
	private static Mono<String> failingFirst(AtomicInteger attempts, int failures, WorkOsException failure) {
		return Mono.defer(() -> (attempts.incrementAndGet() <= failures) ? Mono.error(failure) : Mono.just("ok"));
	}

	private static WorkOsException error(int status, Duration retryAfter) {
		return new WorkOsException.ErrorResponse(status, null, "x", List.of(), null, retryAfter).toException();
	}

}
