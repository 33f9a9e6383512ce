package com.organizationsgateway;

import io.netty.util.concurrent.MultithreadEventExecutorGroup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ReactorResourceFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * One event loop per core. Reactor Netty's default is at least four, and on a two-core
 * machine the two extra loops took CPU from the JIT's compiler threads while the gateway
 * warmed up under load.
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

	@Test
	void aSettingThatIsNotACountStopsTheStartWithItsName() {
		for (String wrong : new String[] { "0", "-1", "two", "" }) {
			assertThatIllegalStateException().isThrownBy(() -> ReactorNettyResourcesConfiguration.eventLoops(wrong, 2))
				.withMessage("reactor.netty.ioWorkerCount must be a whole number of 1 or more, not '" + wrong + "'");
		}
	}

}
