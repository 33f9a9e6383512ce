package com.organizationsgateway.responsecache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The response cache's beans, present unless
 * {@code gateway.graphql.response-cache.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseCacheProperties.class)
@ConditionalOnBooleanProperty(name = "gateway.graphql.response-cache.enabled", matchIfMissing = true)
class ResponseCacheConfiguration {

	@Bean
	ResponseCache responseCache(ResponseCacheProperties properties, ObjectProvider<Ticker> ticker) {
		return new ResponseCache(properties, ticker.getIfAvailable(Ticker::systemTicker));
	}

	@Bean
	ResponseCacheFilter responseCacheFilter(ResponseCache cache, ResponseCacheProperties properties,
			GraphQlProperties graphQlProperties) {
		return new ResponseCacheFilter(cache, graphQlProperties.getHttp().getPath(),
				properties.maxResponseSize().toBytes());
	}

	@Bean
	ResponseCacheInterceptor responseCacheInterceptor() {
		return new ResponseCacheInterceptor();
	}

	@Bean
	QueryOperationInstrumentation queryOperationInstrumentation() {
		return new QueryOperationInstrumentation();
	}

	@Bean
	MeterBinder responseCacheMetrics(ResponseCache cache) {
		return cache::bindTo;
	}

}
