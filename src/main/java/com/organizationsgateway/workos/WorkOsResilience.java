package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpMethod;

/**
 * Wraps every WorkOS call: each attempt passes the circuit breaker and then the bulkhead;
 * failed attempts are retried by {@link RetryRules} within a shared {@link RetryBudget};
 * and the whole call, waits included, has a deadline. Calls the gateway refuses to make
 * fail with {@link WorkOsException.Rejected}.
 */
public final class WorkOsResilience {

	private static final Logger logger = LoggerFactory.getLogger(WorkOsResilience.class);

	private final ResilienceProperties properties;

	private final @Nullable CircuitBreaker circuitBreaker;

	private final @Nullable Bulkhead bulkhead;

	private final RetryBudget budget;

	private final DoubleSupplier random;

	private WorkOsResilience(ResilienceProperties properties, @Nullable CircuitBreaker circuitBreaker,
			@Nullable Bulkhead bulkhead, DoubleSupplier random) {
		this.properties = properties;
		this.circuitBreaker = circuitBreaker;
		this.bulkhead = bulkhead;
		this.budget = new RetryBudget(properties.retryBudgetRatio(), properties.retryBudgetMinimum());
		this.random = random;
	}

	/** Full protection, configured by {@code properties}. */
	public static WorkOsResilience of(ResilienceProperties properties) {
		return new WorkOsResilience(properties, circuitBreaker(properties), bulkhead(properties),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	/** No retries, no circuit, no cap: each call is exactly one request. */
	public static WorkOsResilience none() {
		// One attempt, so the backoff and Retry-After settings never come into play.
		return new WorkOsResilience(new ResilienceProperties(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0,
				Duration.ofDays(1), 100, 1, 1, Duration.ZERO, 1, Integer.MAX_VALUE), null, null, () -> 0.5);
	}

	/** The circuit's state, for health and metrics; CLOSED when there is no circuit. */
	public CircuitBreaker.State circuitState() {
		return (this.circuitBreaker != null) ? this.circuitBreaker.getState() : CircuitBreaker.State.CLOSED;
	}

	/** Retry tokens left in the shared budget. */
	public double retryBudgetTokens() {
		return this.budget.tokens();
	}

	/**
	 * {@code attempt} (a cold Mono, subscribed once per attempt) with circuit, bulkhead,
	 * retries and the call deadline applied.
	 */
	<T> Mono<T> call(HttpMethod method, boolean idempotencyKey, Mono<T> attempt) {
		Mono<T> guarded = attempt;
		if (this.bulkhead != null) {
			guarded = guarded.transformDeferred(BulkheadOperator.of(this.bulkhead));
		}
		if (this.circuitBreaker != null) {
			guarded = guarded.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker));
		}
		Duration callTimeout = this.properties.callTimeout();
		Mono<T> rejectionsMapped = guarded.onErrorMap(WorkOsResilience::rejection);
		return Mono.defer(() -> {
			this.budget.recordAttempt();
			long deadline = System.nanoTime() + callTimeout.toNanos();
			return rejectionsMapped.retryWhen(retries(method, idempotencyKey, deadline));
		})
			.timeout(callTimeout)
			.onErrorMap(TimeoutException.class, (ex) -> new WorkOsException.TransportFailure(
					"WorkOS did not answer within " + callTimeout.toMillis() + " ms", ex));
	}

	private Retry retries(HttpMethod method, boolean idempotencyKey, long deadline) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			int retry = (int) signal.totalRetries() + 1;
			if (retry >= this.properties.maxAttempts() || !RetryRules.isRetryable(method, idempotencyKey, failure)) {
				return Mono.error(failure);
			}
			Duration delay = RetryRules.delay(retry, failure, this.properties, this.random);
			// A wait that would outlast the call's deadline only turns a clear answer
			// (say, RATE_LIMITED with its Retry-After) into a timeout.
			if (delay == null || System.nanoTime() + delay.toNanos() >= deadline || !this.budget.tryRetry()) {
				return Mono.error(failure);
			}
			return Mono.delay(delay).thenReturn(retry);
		}));
	}

	private static Throwable rejection(Throwable ex) {
		if (ex instanceof CallNotPermittedException) {
			return new WorkOsException.Rejected(WorkOsException.Rejected.Reason.CIRCUIT_OPEN);
		}
		if (ex instanceof BulkheadFullException) {
			return new WorkOsException.Rejected(WorkOsException.Rejected.Reason.TOO_MANY_CONCURRENT_CALLS);
		}
		return ex;
	}

	private static CircuitBreaker circuitBreaker(ResilienceProperties properties) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindow(properties.circuitWindowSize(), properties.circuitMinimumCalls(),
					CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(properties.circuitFailureRate())
			.waitDurationInOpenState(properties.circuitOpenDuration())
			.permittedNumberOfCallsInHalfOpenState(properties.circuitHalfOpenCalls())
			// Without traffic (say, readiness took the instance out of the load balancer)
			// an open circuit must still move on to half-open by itself.
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			// Only "WorkOS is not working" counts against it: a 4xx is a working WorkOS,
			// and a 429 or a full bulkhead says nothing about WorkOS's health.
			.recordException(
					(ex) -> ex instanceof WorkOsException.TransportFailure || ex instanceof WorkOsException.ServerError)
			.ignoreException((ex) -> ex instanceof WorkOsException.RateLimited || ex instanceof BulkheadFullException)
			.build();
		CircuitBreaker circuitBreaker = CircuitBreaker.of("workos", config);
		circuitBreaker.getEventPublisher()
			.onStateTransition((event) -> logger.warn("WorkOS circuit breaker: {}", event.getStateTransition()));
		return circuitBreaker;
	}

	private static Bulkhead bulkhead(ResilienceProperties properties) {
		// No waiting: the Reactor operator would block an event-loop thread while it
		// waited for a permit.
		BulkheadConfig config = BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrentCalls())
			.maxWaitDuration(Duration.ZERO)
			.build();
		return Bulkhead.of("workos", config);
	}

}
