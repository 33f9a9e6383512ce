package com.organizationsgateway.resilience;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole gateway on a random port with {@link FaultInjection}'s beans and every
 * timeout shrunk so that the tests take seconds: 300 ms per attempt, 3 attempts with
 * 20-100 ms backoff, 2 s per call, 3 s per operation. The circuit is effectively off here
 * (it has its own tests against a stub), so that attempt counts do not depend on test
 * order. One annotation, so that the test classes share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gateway.local-api.seed=false", "gateway.workos.response-timeout=300ms",
		"gateway.workos.resilience.initial-backoff=20ms", "gateway.workos.resilience.max-backoff=100ms",
		"gateway.workos.resilience.max-retry-after=2s", "gateway.workos.resilience.call-timeout=2s",
		"gateway.workos.resilience.retry-budget-minimum=100000", "gateway.workos.resilience.circuit-window-size=1000",
		"gateway.workos.resilience.circuit-minimum-calls=1000", "gateway.workos.resilience.circuit-failure-rate=100",
		"gateway.graphql.limits.operation-timeout=3s", "spring.http.codecs.max-in-memory-size=64KB" })
@AutoConfigureHttpGraphQlTester
@Import(FaultInjection.class)
@interface FaultInjectedGateway {

}
