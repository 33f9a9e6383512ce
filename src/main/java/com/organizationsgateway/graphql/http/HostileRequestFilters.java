package com.organizationsgateway.graphql.http;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters that refuse requests no GraphQL could be read from, before anything parses
 * them: an unreadable {@code Accept} header, and bodies or query strings that are not
 * well-formed UTF-8.
 */
@Configuration(proxyBeanMethods = false)
class HostileRequestFilters {

	@Bean
	UnreadableAcceptFilter unreadableAcceptFilter() {
		return new UnreadableAcceptFilter();
	}

	@Bean
	StrictUtf8Filter strictUtf8Filter(GraphQlProperties properties) {
		return new StrictUtf8Filter(properties.getHttp().getPath());
	}

}
