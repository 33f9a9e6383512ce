package com.organizationsgateway.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.organizationsgateway.workos.WorkOsProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The one security filter chain, for the GraphQL endpoint only: GraphiQL, its assets, the
 * schema, health and the local Organizations API stay as they are. It authenticates the
 * credential; which operations a caller may run is decided per operation by
 * {@link ScopeInstrumentation}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySecurityProperties.class)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	AccessMode accessMode(GatewaySecurityProperties properties, WorkOsProperties workOs,
			ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
		boolean jwt = jwtDecoder.getIfAvailable() != null;
		AccessMode mode = AccessModes.choose(jwt || properties.hasApiKeys(), properties.allowUnauthenticated(),
				workOs.hasApiKey());
		if (mode == AccessMode.OPEN) {
			logger.warn("GraphQL callers: {}", describe(mode));
		}
		else {
			logger.info("GraphQL callers: {} (JWT: {}, API keys: {})", describe(mode), jwt ? "on" : "off",
					properties.apiKeys().size());
		}
		return mode;
	}

	/**
	 * No observations of Spring Security's own: they would wrap each of the chain's
	 * filters, the authentication and the authorization in an observation (and a span) on
	 * every request, about 5% of a warm read's CPU. Every request is already observed as
	 * {@code http.server.requests}, refusals included.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	LocalApiAwareFirewall localApiAwareFirewall() {
		return new LocalApiAwareFirewall();
	}

	/** A bean method, not a component, so that GraphQL slice tests run without it. */
	@Bean
	ScopeInstrumentation scopeInstrumentation() {
		return new ScopeInstrumentation();
	}

	/**
	 * Also keeps Boot from creating its default user with a generated password, which it
	 * would print to the log.
	 */
	@Bean
	CredentialAuthenticationManager credentialAuthenticationManager(GatewaySecurityProperties properties,
			ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
		ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
		return new CredentialAuthenticationManager(new ApiKeys(properties.apiKeys()),
				(decoder != null) ? new JwtReactiveAuthenticationManager(decoder) : null);
	}

	@Bean
	SecurityWebFilterChain graphQlSecurityFilterChain(ServerHttpSecurity http, GraphQlProperties graphQl,
			ObjectProvider<GraphQlCorsProperties> cors, AccessMode mode,
			CredentialAuthenticationManager authenticationManager, GatewaySecurityProperties properties,
			ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
		String path = graphQl.getHttp().getPath();
		String webSocketPath = graphQl.getWebsocket().getPath();
		UnauthenticatedEntryPoint entryPoint = new UnauthenticatedEntryPoint();
		http.securityMatcher(ServerWebExchangeMatchers
			.pathMatchers((webSocketPath != null) ? new String[] { path, webSocketPath } : new String[] { path }))
			// Credentials travel in headers, never in cookies, so there is no session and
			// nothing a cross-site form could ride on.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			// SecurityHeadersFilter gives every response its hardening headers, and the
			// GET
			// route its Cache-Control; Spring Security's writers would only repeat them,
			// at
			// the cost of a pass over the response headers per writer and request.
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.cors((spec) -> spec.configurationSource(corsSource(path, cors.getIfAvailable())))
			// Anonymous callers hold scopes only in modes that may admit them. Where
			// credentials are required, an anonymous request gets in only as a WebSocket
			// handshake, and WebSocketAuthentication decides who that connection is.
			.anonymous((anonymous) -> anonymous.authorities((mode == AccessMode.CREDENTIALS_REQUIRED)
					? List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")) : Scopes.authorities(Scopes.ALL)))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.OPTIONS, path)
				.permitAll()
				.matchers(webSocketHandshake(webSocketPath))
				.permitAll()
				.anyExchange()
				.access(access(mode)))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint));
		if (properties.hasApiKeys() || jwtDecoder.getIfAvailable() != null) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer
				.authenticationManagerResolver((exchange) -> Mono.just(authenticationManager))
				.bearerTokenConverter(new CredentialConverter())
				.authenticationEntryPoint(entryPoint));
		}
		return http.build();
	}

	/**
	 * A caller with a credential always passes here (its scopes are checked per
	 * operation); one without passes only when the mode admits anonymous callers, who
	 * then hold every scope.
	 */
	private static ReactiveAuthorizationManager<AuthorizationContext> access(AccessMode mode) {
		return (authentication, context) -> authentication
			.map((caller) -> caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)
					|| mode.admitsAnonymous(context.getExchange()))
			.defaultIfEmpty(mode.admitsAnonymous(context.getExchange()))
			.map(AuthorizationDecision::new);
	}

	/**
	 * A WebSocket handshake on Spring's GraphQL WebSocket endpoint, which serves exactly
	 * these requests (its handler mapping runs before every other): browsers cannot send
	 * a credential with it, so the connection authenticates in its
	 * {@code connection_init} message instead ({@link WebSocketAuthentication}). A
	 * credential in the handshake's headers is still checked, and a bad one refused.
	 */
	private static ServerWebExchangeMatcher webSocketHandshake(@Nullable String webSocketPath) {
		return (exchange) -> {
			ServerHttpRequest request = exchange.getRequest();
			boolean handshake = webSocketPath != null && request.getMethod() == HttpMethod.GET
					&& "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())
					&& webSocketPath.equals(request.getPath().pathWithinApplication().value());
			return handshake ? ServerWebExchangeMatcher.MatchResult.match()
					: ServerWebExchangeMatcher.MatchResult.notMatch();
		};
	}

	/** Boot's {@code spring.graphql.cors.*}, applied before authentication. */
	private static UrlBasedCorsConfigurationSource corsSource(String path, @Nullable GraphQlCorsProperties cors) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		CorsConfiguration configuration = (cors != null) ? cors.toCorsConfiguration() : null;
		if (configuration != null) {
			source.registerCorsConfiguration(path, configuration);
		}
		return source;
	}

	private static String describe(AccessMode mode) {
		return switch (mode) {
			case CREDENTIALS_REQUIRED -> "a valid credential is required";
			case OPEN_TO_LOOPBACK ->
				"open to clients on this machine only (local mode without authentication configured)";
			case OPEN -> "OPEN TO ANYONE without a credential (gateway.security.allow-unauthenticated=true)";
		};
	}

}
