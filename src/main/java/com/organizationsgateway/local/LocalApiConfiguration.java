package com.organizationsgateway.local;

import java.security.SecureRandom;
import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

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

	private final Clock clock = Clock.systemUTC();

	@Bean
	LocalOrganizationStore localOrganizationStore() {
		return new LocalOrganizationStore(this.clock, new SecureRandom());
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
		return LocalApiRoutes.routes(new ListOrganizationsHandler(store, responses),
				new CreateOrganizationHandler(store, reader, idempotency, responses),
				new ReadOrganizationHandler(store, responses), new UpdateOrganizationHandler(store, reader, responses),
				new DeleteOrganizationHandler(store), new LocalApiFilter(responses));
	}

}
