package com.organizationsgateway;

import java.time.Duration;

import reactor.netty.ReactorNetty;
import reactor.netty.resources.LoopResources;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives the application its own Reactor Netty event loops and connection pool, shared by
 * the server and the WorkOS client, instead of Reactor Netty's process-wide ones: closing
 * a context then releases only what it owns, so one process can run several gateways (as
 * the tests do) without one's shutdown stopping another's server.
 * <p>
 * One event loop per core, where Reactor Netty would start at least four: nothing on the
 * gateway's loops blocks, so more loops than cores add no throughput, and on two cores
 * the two extra loops took CPU from the JIT's compiler threads while the gateway warmed
 * up (80 % of the peak after 36 s of load instead of 20 to 24;
 * docs/performance.md#warm-up). Reactor Netty's own {@code -Dreactor.netty.ioWorkerCount}
 * still decides when it is set.
 * <p>
 * The event loops stop after a short quiet period instead of Netty's 2 s: by then the
 * graceful shutdown ({@code server.shutdown}) has already let every request finish, so
 * waiting longer only delays the process's exit (and the test JVM's, once per context).
 */
@Configuration(proxyBeanMethods = false)
class ReactorNettyResourcesConfiguration {

	private static final String LOOP_PREFIX = "webflux-http";

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		int eventLoops = eventLoops(System.getProperty(ReactorNetty.IO_WORKER_COUNT),
				Runtime.getRuntime().availableProcessors());
		factory.setLoopResourcesSupplier(() -> LoopResources.create(LOOP_PREFIX, eventLoops, true));
		factory.setShutdownQuietPeriod(Duration.ofMillis(100));
		return factory;
	}

	static int eventLoops(String configured, int cores) {
		if (configured == null) {
			return cores;
		}
		try {
			int loops = Integer.parseInt(configured.trim());
			if (loops > 0) {
				return loops;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below, as a value below one is.
		}
		throw new IllegalStateException(
				ReactorNetty.IO_WORKER_COUNT + " must be a whole number of 1 or more, not '" + configured + "'");
	}

}
