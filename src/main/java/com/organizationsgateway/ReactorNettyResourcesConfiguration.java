package com.organizationsgateway;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives the application its own Reactor Netty event loops and connection pool, shared by
 * the server and the WorkOS client, instead of Reactor Netty's process-wide ones: closing
 * a context then releases only what it owns, so one process can run several gateways (as
 * the tests do) without one's shutdown stopping another's server.
 * <p>
 * The event loops stop after a short quiet period instead of Netty's 2 s: by then the
 * graceful shutdown ({@code server.shutdown}) has already let every request finish, so
 * waiting longer only delays the process's exit (and the test JVM's, once per context).
 */
@Configuration(proxyBeanMethods = false)
class ReactorNettyResourcesConfiguration {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setShutdownQuietPeriod(Duration.ofMillis(100));
		return factory;
	}

}
