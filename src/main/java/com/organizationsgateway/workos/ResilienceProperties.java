package com.organizationsgateway.workos;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway protects itself and WorkOS from each other's failures: retries with
 * their budget, the circuit breaker and the cap on concurrent calls.
 *
 * @param maxAttempts attempts per call, the first included; 1 turns retries off
 * @param initialBackoff the wait before the first retry; it doubles per retry, jittered
 * by up to half either way (Reactor's {@code Retry.backoff})
 * @param maxBackoff the longest wait between two attempts
 * @param maxRetryAfter the longest {@code Retry-After} the gateway waits out; a longer
 * one is answered with RATE_LIMITED at once
 * @param retryBudgetRatio retries allowed per first attempt, across all calls
 * @param retryBudgetMinimum retries always available, so that a quiet gateway can retry
 * @param callTimeout the most one call may take, all its attempts and waits included
 * @param circuitFailureRate percentage of failed calls in the window that opens the
 * circuit
 * @param circuitWindowSize how many recent calls the failure rate is computed over
 * @param circuitMinimumCalls calls needed in the window before the rate counts
 * @param circuitOpenDuration how long an open circuit fails fast before it lets probes
 * through
 * @param circuitHalfOpenCalls probe calls allowed while half-open
 * @param maxConcurrentCalls the most WorkOS calls in flight; callers beyond it fail at
 * once
 */
@ConfigurationProperties("gateway.workos.resilience")
public record ResilienceProperties(@DefaultValue("3") int maxAttempts, @DefaultValue("100ms") Duration initialBackoff,
		@DefaultValue("2s") Duration maxBackoff, @DefaultValue("5s") Duration maxRetryAfter,
		@DefaultValue("0.2") double retryBudgetRatio, @DefaultValue("10") int retryBudgetMinimum,
		@DefaultValue("12s") Duration callTimeout, @DefaultValue("50") float circuitFailureRate,
		@DefaultValue("20") int circuitWindowSize, @DefaultValue("10") int circuitMinimumCalls,
		@DefaultValue("10s") Duration circuitOpenDuration, @DefaultValue("3") int circuitHalfOpenCalls,
		@DefaultValue("64") int maxConcurrentCalls) {

}
