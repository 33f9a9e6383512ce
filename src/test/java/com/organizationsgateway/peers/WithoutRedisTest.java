package com.organizationsgateway.peers;

import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single instance, Redis not configured (the default): nothing of Redis exists, so
 * nothing tries to connect to it, and health is UP with no Redis check in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WithoutRedisTest {

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void noRedisClientIsCreatedAndHealthIsUp() {
		assertThat(this.context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ReactiveRedisConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(PeerSubscription.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(PeerPublisher.class)).isEmpty();
		TestClients.toPort(this.port)
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.redis")
			.doesNotExist()
			.jsonPath("$.components.peers")
			.doesNotExist();
	}

}
