package com.organizationsgateway;

import io.netty.util.concurrent.MultithreadEventExecutorGroup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ReactorResourceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One event loop per core. Reactor Netty's default is at least four, and on a two-core
 * machine the two extra loops halved the CPU the JIT's compiler threads got while the
 * gateway warmed up under load.
 */
class ReactorNettyEventLoopsTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(ReactorNettyResourcesConfiguration.class);

	@Test
	void theServerAndTheClientShareOneEventLoopPerCore() {
		contexts.run((context) -> {
			ReactorResourceFactory resources = context.getBean(ReactorResourceFactory.class);
			MultithreadEventExecutorGroup loops = (MultithreadEventExecutorGroup) resources.getLoopResources()
				.onServer(true);

			assertThat(loops.executorCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
		});
	}

	@Test
	void onTwoCoresThereAreTwoLoopsWhereReactorNettyWouldStartFour() {
		assertThat(ReactorNettyResourcesConfiguration.eventLoops(null, 2)).isEqualTo(2);
	}

	@Test
	void reactorNettysOwnSettingStillDecidesWhenItIsSet() {
		assertThat(ReactorNettyResourcesConfiguration.eventLoops(" 6 ", 2)).isEqualTo(6);
	}

}
