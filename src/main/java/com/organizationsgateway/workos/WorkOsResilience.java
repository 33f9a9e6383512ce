package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpMethod;

/**
 * Wraps every WorkOS call: each attempt passes the circuit breaker and then the bulkhead;
 * failed attempts are retried by {@link RetryRules} on Reactor's exponential backoff
 * within a shared {@link RetryBudget}; and the whole call, waits included, has a
 * deadline. Calls the gateway refuses to make fail with {@link WorkOsException.Rejected}.
 */
public final class WorkOsResilience {

	/** Retries by outcome: {@code retried}, or {@code budget_exhausted} when refused. */
	static final String RETRIES_METER = "gateway.workos.retries";

	private static final Logger logger = LoggerFactory.getLogger(WorkOsResilience.class);

	private final ResilienceProperties properties;

	private final @Nullable CircuitBreaker circuitBreaker;

	private final @Nullable Bulkhead bulkhead;

	private final RetryBudget budget;

	private final Counter retried;

	private final Counter budgetExhausted;

	private WorkOsResilience(ResilienceProperties properties, @Nullable CircuitBreaker circuitBreaker,
			@Nullable Bulkhead bulkhead, MeterRegistry meters) {
		this.properties = properties;
		this.circuitBreaker = circuitBreaker;
		this.bulkhead = bulkhead;
		this.budget = new RetryBudget(properties.retryBudgetRatio(), properties.retryBudgetMinimum());
		this.retried = retries(meters, "retried");
		this.budgetExhausted = retries(meters, "budget_exhausted");
	}

	/**
	 * Full protection, configured by {@code properties}, with the circuit breaker's and
	 * the bulkhead's Resilience4j meters and the retry counter in {@code meters}.
	 */
	public static WorkOsResilience of(ResilienceProperties properties, MeterRegistry meters) {
		CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
		BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
		CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker("workos", circuitBreakerConfig(properties));
		circuitBreaker.getEventPublisher()
			.onStateTransition((event) -> logger.warn("WorkOS circuit breaker: {}", event.getStateTransition()));
		Bulkhead bulkhead = bulkheads.bulkhead("workos", bulkheadConfig(properties));
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
		TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
		return new WorkOsResilience(properties, circuitBreaker, bulkhead, meters);
	}

	/** No retries, no circuit, no cap: each call is exactly one request. */
	public static WorkOsResilience none() {
		// One attempt, so the backoff and Retry-After settings never come into play.
		return new WorkOsResilience(
				new ResilienceProperties(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0, Duration.ofDays(1), 100,
						1, 1, Duration.ZERO, 1, Integer.MAX_VALUE),
				null, null, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
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

	/**
	 * Reactor's exponential backoff (from {@code initial-backoff}, doubling, jittered by
	 * up to half either way, at most {@code max-backoff}), after any {@code Retry-After}
	 * pause; only for retryable failures, while the budget lasts.
	 */
	private Retry retries(HttpMethod method, boolean idempotencyKey, long deadline) {
		return Retry.backoff(this.properties.maxAttempts() - 1, this.properties.initialBackoff())
			.maxBackoff(this.properties.maxBackoff())
			.filter((failure) -> RetryRules.isRetryable(method, idempotencyKey, failure) && waitFits(failure, deadline))
			.doBeforeRetry((signal) -> {
				if (!this.budget.tryRetry()) {
					this.budgetExhausted.increment();
					throw Exceptions.propagate(signal.failure());
				}
				this.retried.increment();
			})
			.doBeforeRetryAsync((signal) -> {
				Duration retryAfter = RetryRules.retryAfter(signal.failure());
				return retryAfter.isZero() ? Mono.empty() : Mono.delay(retryAfter).then();
			})
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/**
	 * Whether the longest wait before the next attempt is one the gateway takes: a
	 * {@code Retry-After} up to {@code max-retry-after}, and in all within the call's
	 * deadline, since a wait that outlasts it only turns a clear answer (say,
	 * RATE_LIMITED) into a timeout.
	 */
	private boolean waitFits(Throwable failure, long deadline) {
		Duration retryAfter = RetryRules.retryAfter(failure);
		if (retryAfter.compareTo(this.properties.maxRetryAfter()) > 0) {
			return false;
		}
		Duration longest = retryAfter.plus(this.properties.maxBackoff());
		return System.nanoTime() + longest.toNanos() < deadline;
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

	private static CircuitBreakerConfig circuitBreakerConfig(ResilienceProperties properties) {
		return CircuitBreakerConfig.custom()
			.slidingWindow(properties.circuitWindowSize(), properties.circuitMinimumCalls(),
					CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(properties.circuitFailureRate())
			.waitDurationInOpenState(properties.circuitOpenDuration())
			.permittedNumberOfCallsInHalfOpenState(properties.circuitHalfOpenCalls())
			// Without traffic (say, readiness took the instance out of the load balancer)
			// an open circuit must still move on to half-open by itself.
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			// Only "WorkOS is not working" counts against it: a 4xx is a working WorkOS,
			// and a 429 or a full bulkhead says nothing about WorkOS's health. A 200 of
			// the wrong shape is WorkOS (or a proxy before it) not working.
			.recordException((ex) -> ex instanceof WorkOsException.TransportFailure
					|| ex instanceof WorkOsException.ServerError || ex instanceof WorkOsException.MalformedResponse)
			.ignoreException((ex) -> ex instanceof WorkOsException.RateLimited || ex instanceof BulkheadFullException)
			.build();
	}

	private static BulkheadConfig bulkheadConfig(ResilienceProperties properties) {
		// No waiting: the Reactor operator would block an event-loop thread while it
		// waited for a permit.
		return BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrentCalls())
			.maxWaitDuration(Duration.ZERO)
			.build();
	}

	private static Counter retries(MeterRegistry meters, String outcome) {
		return Counter.builder(RETRIES_METER)
			.description("Retries of failed WorkOS calls, and retries the retry budget refused")
			.tag("outcome", outcome)
			.register(meters);
	}

}
