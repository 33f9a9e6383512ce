package com.organizationsgateway.reference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The {@code stack} build's Spring Security filter chain on {@code /graphql}, set up as
 * the gateway's is (no CSRF, sessions, login forms or header writers; CORS and anonymous
 * callers handled; none of Spring Security's own observations) but letting every caller
 * in: it costs what the chain itself costs and nothing that the gateway decides.
 */
@Configuration(proxyBeanMethods = false)
class StackSecurityConfiguration {

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityWebFilterChain graphQlSecurityFilterChain(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/graphql"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.cors((cors) -> cors.configurationSource(new UrlBasedCorsConfigurationSource()))
			.anonymous(Customizer.withDefaults())
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.build();
	}

}
