package com.organizationsgateway.local;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Every bean of the embedded Organizations API, active only in local mode (no WorkOS
 * key). The clock is a plain {@link Clock} rather than a bean, so nothing else in the app
 * can change this package's notion of time by accident.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalModeCondition.class)
public class LocalApiConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(LocalApiConfiguration.class);

	private final Clock clock = Clock.systemUTC();

	@Bean
	LocalWebhooks localWebhooks(LocalApiProperties properties, JsonMapper mapper,
			ObjectProvider<MeterRegistry> meters) {
		LocalApiProperties.Webhooks webhooks = properties.webhooks();
		if (webhooks.enabled() && webhooks.hasTarget() != webhooks.hasSecret()) {
			throw new IllegalStateException(
					"The local API's webhooks need both gateway.local-api.webhooks.target-url and "
							+ "gateway.local-api.webhooks.secret, or neither (then the gateway receives them itself)");
		}
		if (webhooks.enabled() && webhooks.hasTarget() && !isHttpUrl(webhooks.targetUrl())) {
			throw new IllegalStateException(
					"gateway.local-api.webhooks.target-url must be an absolute http or https URL, "
							+ "such as http://localhost:3000/webhooks/workos; it is " + webhooks.targetUrl());
		}
		if (webhooks.enabled() && webhooks.hasTarget()) {
			logger.info("Local Organizations API webhooks: to {}", webhooks.targetUrl());
		}
		else if (!webhooks.enabled()) {
			logger.info("Local Organizations API webhooks: off (gateway.local-api.webhooks.enabled=false)");
		}
		return new LocalWebhooks(webhooks, mapper, this.clock, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	private static boolean isHttpUrl(@Nullable URI url) {
		return url != null && url.getHost() != null
				&& ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()));
	}

	@Bean
	LocalOrganizationStore localOrganizationStore(LocalWebhooks webhooks) {
		return new LocalOrganizationStore(this.clock, new SecureRandom(), webhooks);
	}

	@Bean
	LocalApiSeeder localApiSeeder(LocalOrganizationStore store, LocalApiProperties properties) {
		return new LocalApiSeeder(store, this.clock, properties.seed());
	}

	@Bean
	LocalApiStartupLogger localApiStartupLogger() {
		return new LocalApiStartupLogger();
	}

	@Bean
	RouterFunction<ServerResponse> localOrganizationsApiRoutes(LocalOrganizationStore store,
			LocalApiProperties properties, JsonMapper mapper) {
		JsonResponses responses = new JsonResponses(mapper);
		OrganizationBodyReader reader = new OrganizationBodyReader(mapper);
		IdempotencyCache idempotency = new IdempotencyCache(this.clock, properties.idempotencyKeyTtl());
		LocalDns dns = new LocalDns();
		return LocalApiRoutes.routes(new ListOrganizationsHandler(store, responses),
				new CreateOrganizationHandler(store, reader, idempotency, responses),
				new ReadOrganizationHandler(store, responses), new UpdateOrganizationHandler(store, reader, responses),
				new DeleteOrganizationHandler(store),
				new OrganizationDomainsHandler(store, dns, properties.domains().verificationPeriod(), reader,
						idempotency, responses),
				new LocalDnsHandler(dns, reader, responses), new LocalApiFilter(responses));
	}

}
