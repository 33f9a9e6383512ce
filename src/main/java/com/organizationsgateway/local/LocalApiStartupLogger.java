package com.organizationsgateway.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Tells the developer, once the port is known, that the local API is up and where to
 * point a WorkOS SDK.
 */
final class LocalApiStartupLogger implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(LocalApiStartupLogger.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// a separate management server has its own namespace; only the main port serves
		// the API
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		logger.info("No WorkOS API key configured: the local Organizations API is active. Point WorkOS SDKs at "
				+ "http://localhost:{} with any sk_ key (e.g. sk_test_local).", event.getWebServer().getPort());
	}

}
