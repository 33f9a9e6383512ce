package com.organizationsgateway.observability;

import io.micrometer.tracing.Tracer;

import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Replaces Spring Boot's default tracing handler (it backs off when one is defined) with
 * one that records in-process spans for sampled traces only.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	@Bean
	@Order(MicrometerTracingAutoConfiguration.DEFAULT_TRACING_OBSERVATION_HANDLER_ORDER)
	SampledSpansTracingObservationHandler defaultTracingObservationHandler(Tracer tracer) {
		return new SampledSpansTracingObservationHandler(tracer);
	}

}
