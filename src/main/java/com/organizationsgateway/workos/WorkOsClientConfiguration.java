package com.organizationsgateway.workos;

import java.time.Clock;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the WorkOS client on Boot's {@link WebClient.Builder}, so it shares the app's
 * codecs and observations (tagged by operation, never by id), with the configured connect
 * and response timeouts, behind the retries, circuit breaker and bulkhead of
 * {@link WorkOsResilience}.
 */
@Configuration(proxyBeanMethods = false)
class WorkOsClientConfiguration {

	/** A full page of 100 organizations with maximal metadata stays well below this. */
	private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

	@Bean
	WorkOsResilience workOsResilience(ResilienceProperties properties, MeterRegistry meters) {
		return WorkOsResilience.of(properties, meters);
	}

	@Bean
	WorkOsCircuitHealthIndicator workosCircuitHealthIndicator(WorkOsResilience resilience) {
		return new WorkOsCircuitHealthIndicator(resilience);
	}

	@Bean
	WorkOsClient workOsClient(WebClient.Builder builder, ReactorResourceFactory resources, WorkOsProperties properties,
			WorkOsEndpointSource endpointSource, JsonMapper jsonMapper, WorkOsResilience resilience) {
		Function<HttpClient, HttpClient> timeouts = (httpClient) -> httpClient
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
			.responseTimeout(properties.responseTimeout());
		WebClient webClient = builder.clientConnector(new ReactorClientHttpConnector(resources, timeouts))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
			.observationConvention(new WorkOsObservationConvention())
			.build();
		return new WorkOsClient(webClient, endpointSource, jsonMapper, Clock.systemUTC(), resilience);
	}

}
