package com.organizationsgateway.upstream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.organizationsgateway.local.LocalModeCondition;
import com.organizationsgateway.local.LocalWebhooks;
import com.organizationsgateway.local.WebhookTargetUnsetCondition;
import com.organizationsgateway.webhook.WebhookProperties;
import com.organizationsgateway.webhook.WebhookSecret;
import com.organizationsgateway.workos.WorkOsEndpoint;
import com.organizationsgateway.workos.WorkOsEndpointSource;
import com.organizationsgateway.workos.WorkOsProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Points the WorkOS client at WorkOS when {@code WORKOS_API_KEY} is set, or at the local
 * Organizations API otherwise, and says which in the log. In local mode it also points
 * the local API's webhooks at the gateway's own webhook endpoint, unless they are
 * configured to go elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamConfiguration.class);

	@Bean
	@Conditional(LocalModeCondition.class)
	LocalEndpointSource localEndpointSource() {
		logger.info("Upstream: the embedded local Organizations API (no WORKOS_API_KEY set)");
		return new LocalEndpointSource();
	}

	/**
	 * The secret shared by the local API's webhooks and the webhook endpoint: the
	 * configured one if any, else one made up for this run.
	 */
	@Bean
	@Conditional(WebhookTargetUnsetCondition.class)
	WebhookSecret localWebhookSecret(WebhookProperties properties) {
		WebhookSecret configured = properties.configuredSecret();
		return (configured != null) ? configured : WebhookSecret.generate("local mode, generated at startup");
	}

	@Bean
	@Conditional(WebhookTargetUnsetCondition.class)
	LocalWebhookLoop localWebhookLoop(LocalWebhooks webhooks, WebhookSecret localWebhookSecret) {
		return new LocalWebhookLoop(webhooks, localWebhookSecret);
	}

	@Bean
	@Conditional(WorkOsModeCondition.class)
	WorkOsEndpointSource workOsEndpointSource(WorkOsProperties properties) {
		logger.info("Upstream: WorkOS at {}", properties.apiBaseUrl());
		WorkOsEndpoint endpoint = new WorkOsEndpoint(properties.apiBaseUrl(), properties.apiKey());
		return () -> endpoint;
	}

}
