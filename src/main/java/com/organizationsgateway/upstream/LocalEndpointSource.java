package com.organizationsgateway.upstream;

import java.net.URI;

import com.organizationsgateway.workos.WorkOsEndpoint;
import com.organizationsgateway.workos.WorkOsEndpointSource;
import com.organizationsgateway.workos.WorkOsException;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The local Organizations API's address, learnt when the gateway's own server starts. The
 * client reaches it through the loopback network stack, exactly as it reaches WorkOS.
 */
class LocalEndpointSource implements WorkOsEndpointSource, ApplicationListener<WebServerInitializedEvent> {

	/** The local API accepts any {@code sk_} key, as WorkOS's own emulator does. */
	static final String LOCAL_API_KEY = "sk_test_local_gateway";

	private volatile WorkOsEndpoint endpoint;

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			URI baseUrl = URI.create("http://127.0.0.1:" + event.getWebServer().getPort());
			this.endpoint = new WorkOsEndpoint(baseUrl, LOCAL_API_KEY);
		}
	}

	@Override
	public WorkOsEndpoint current() {
		WorkOsEndpoint current = this.endpoint;
		if (current == null) {
			throw new WorkOsException.TransportFailure("The local Organizations API has not started yet", null);
		}
		return current;
	}

}
