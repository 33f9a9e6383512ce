package com.organizationsgateway.upstream;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.organizationsgateway.local.LocalWebhooks;
import com.organizationsgateway.webhook.WebhookConfiguration;
import com.organizationsgateway.webhook.WebhookSecret;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Local mode's self-loop: once the gateway's port is known, the local API's webhooks go
 * to the gateway's own {@code /webhooks/workos}, signed with the secret the endpoint
 * verifies with. So a change made directly against the local API (with a WorkOS SDK or
 * curl) reaches the gateway's cache as a WorkOS change would.
 */
class LocalWebhookLoop implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(LocalWebhookLoop.class);

	private final LocalWebhooks webhooks;

	private final WebhookSecret secret;

	LocalWebhookLoop(LocalWebhooks webhooks, WebhookSecret secret) {
		this.webhooks = webhooks;
		this.secret = secret;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		URI target = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + WebhookConfiguration.PATH);
		this.webhooks.deliverTo(target, this.secret.value());
		logger.info("Local Organizations API webhooks: to the gateway itself at {}", target);
	}

}
