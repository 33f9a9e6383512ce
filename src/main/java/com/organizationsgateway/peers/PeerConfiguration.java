package com.organizationsgateway.peers;

import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;

import com.organizationsgateway.organization.OrganizationChanges;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Invalidation between instances, only when Redis is configured. Spring Boot's Redis
 * auto-configuration supplies the connection factory and the template from
 * {@code spring.data.redis.*}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfiguredCondition.class)
@EnableConfigurationProperties(PeerProperties.class)
class PeerConfiguration {

	@Bean
	InstanceId peerInstanceId() {
		return InstanceId.random();
	}

	@Bean
	PeerMessageCodec peerMessageCodec(PeerProperties properties) {
		return new PeerMessageCodec(properties.maxSnapshotSize().toBytes());
	}

	@Bean
	PeerMetrics peerMetrics(MeterRegistry registry) {
		return new PeerMetrics(registry);
	}

	@Bean
	PeerSubscription peerSubscription(LettuceConnectionFactory connectionFactory, ReactiveStringRedisTemplate redis,
			OrganizationChanges changes, PeerMessageCodec codec, PeerProperties properties, PeerMetrics metrics,
			InstanceId instance) {
		return new PeerSubscription(connectionFactory, redis, changes, codec, properties, metrics, instance.value());
	}

	@Bean
	PeerPublisher peerPublisher(OrganizationChanges changes, ReactiveStringRedisTemplate redis, PeerMessageCodec codec,
			PeerProperties properties, PeerMetrics metrics, InstanceId instance) {
		return new PeerPublisher(changes, redis, codec, properties, metrics, instance);
	}

	@Bean
	PeerHealthIndicator peersHealthIndicator(PeerSubscription subscription) {
		return new PeerHealthIndicator(subscription);
	}

	/**
	 * Lettuce's own reconnection (of the connection that publishes) backs off within the
	 * subscription's bounds, exponentially and with jitter, instead of up to 30 s, so
	 * that publishing resumes soon after Redis does.
	 */
	@Bean
	ClientResourcesBuilderCustomizer peerReconnectDelay(PeerProperties properties) {
		return (builder) -> builder
			.reconnectDelay(Delay.equalJitter(properties.reconnectInitialBackoff(), properties.reconnectMaxBackoff(),
					properties.reconnectInitialBackoff().toMillis(), TimeUnit.MILLISECONDS));
	}

}
