package com.organizationsgateway.webhook;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.organization.OrganizationChanges;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves {@code POST /webhooks/workos} when a signing secret is known: the configured
 * {@code gateway.webhooks.secret}, or else a {@link WebhookSecret} bean (local mode's
 * self-loop). Without one the path is not served at all (404), and the log says so.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

	/** Where WorkOS delivers events. */
	public static final String PATH = "/webhooks/workos";

	private static final Logger logger = LoggerFactory.getLogger(WebhookConfiguration.class);

	@Bean
	RouterFunction<ServerResponse> workOsWebhookRoutes(WebhookProperties properties,
			ObjectProvider<WebhookSecret> providedSecret, OrganizationChanges changes, JsonMapper jsonMapper,
			MeterRegistry meters) {
		WebhookSecret configured = properties.configuredSecret();
		WebhookSecret secret = (configured != null) ? configured : providedSecret.getIfAvailable();
		if (secret == null) {
			logger.info("WorkOS webhooks: off, {} is not served (set WORKOS_WEBHOOK_SECRET to receive them)", PATH);
			// matches nothing, so the path answers like any unknown one
			return (request) -> Mono.empty();
		}
		logger.info("WorkOS webhooks: accepted at POST {} (secret from {}, tolerance {})", PATH, secret.origin(),
				properties.tolerance());
		SignatureVerifier verifier = new SignatureVerifier(secret.value(), properties.tolerance(), Clock.systemUTC());
		WorkOsWebhookHandler handler = new WorkOsWebhookHandler(verifier, new WebhookEvents(jsonMapper), changes,
				jsonMapper, properties, meters);
		return RouterFunctions.route().POST(PATH, handler::receive).build();
	}

}
