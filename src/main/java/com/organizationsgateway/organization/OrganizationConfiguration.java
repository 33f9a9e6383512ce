package com.organizationsgateway.organization;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.organizationsgateway.workos.WorkOsClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The organizations feature's beans. A {@link Ticker} bean, if any, drives the cache's
 * clock, which is how tests expire entries without sleeping.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CacheProperties.class, SubscriptionProperties.class })
class OrganizationConfiguration {

	@Bean
	OrganizationCache organizationCache(CacheProperties properties, ObjectProvider<Ticker> ticker,
			ObjectProvider<OrganizationCacheListener> listeners) {
		return new OrganizationCache(properties, ticker.getIfAvailable(Ticker::systemTicker),
				listeners.orderedStream().toList());
	}

	@Bean
	MeterBinder organizationCacheMetrics(OrganizationCache cache) {
		return cache::bindTo;
	}

	@Bean
	OrganizationChanges organizationChanges(OrganizationCache cache, ObjectProvider<Ticker> ticker) {
		return new OrganizationChanges(cache, ticker.getIfAvailable(Ticker::systemTicker));
	}

	@Bean
	OrganizationService organizationService(WorkOsClient client, OrganizationCache cache, OrganizationChanges changes) {
		return new OrganizationService(client, cache, changes);
	}

	@Bean
	OrganizationDomainService organizationDomainService(WorkOsClient client, OrganizationChanges changes) {
		return new OrganizationDomainService(client, changes);
	}

	@Bean
	OrganizationChangeFeed organizationChangeFeed(OrganizationChanges changes, OrganizationService service,
			SubscriptionProperties properties) {
		return new OrganizationChangeFeed(changes, service, properties);
	}

	@Bean
	MeterBinder organizationSubscriptionMetrics(OrganizationChangeFeed feed) {
		return (registry) -> Gauge.builder("gateway.subscriptions.active", feed, OrganizationChangeFeed::subscribers)
			.description("Running organizationChanged subscriptions")
			.register(registry);
	}

}
