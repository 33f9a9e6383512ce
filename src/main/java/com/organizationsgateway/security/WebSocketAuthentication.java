package com.organizationsgateway.security;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who a GraphQL-over-WebSocket connection acts for. Browsers cannot set headers on a
 * WebSocket handshake, so the credential may come in the {@code connection_init} payload
 * ({@code {"Authorization": "Bearer …"}} or {@code {"X-API-Key": "…"}}), checked by the
 * same {@link CredentialAuthenticationManager} as HTTP requests; without one, a handshake
 * authenticated by its headers counts, and then the anonymous access of local mode. A
 * connection with none of them is closed with 4401 before it can subscribe. Every
 * operation of the connection then runs as its caller, whose scopes
 * {@link ScopeInterceptor} hands on as for HTTP.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketAuthentication.class);

	private static final String CALLER = WebSocketAuthentication.class.getName() + ".caller";

	private static final String BEARER = "bearer ";

	private final CredentialAuthenticationManager authenticationManager;

	private final AccessMode mode;

	WebSocketAuthentication(CredentialAuthenticationManager authenticationManager, AccessMode mode) {
		this.authenticationManager = authenticationManager;
		this.mode = mode;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo sessionInfo,
			Map<String, Object> connectionInitPayload) {
		return caller(sessionInfo, connectionInitPayload)
			.doOnNext((caller) -> sessionInfo.getAttributes().put(CALLER, caller))
			.doOnError((ex) -> logger.debug("WebSocket connection refused: {}", ex.getMessage()))
			.then(Mono.empty());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest webSocketRequest)) {
			return chain.next(request);
		}
		// Always set, so that nothing from the handshake's own context can stand in for
		// the caller: no caller means no scopes.
		Object caller = webSocketRequest.getSessionInfo().getAttributes().get(CALLER);
		SecurityContext context = (caller instanceof Authentication authentication)
				? new SecurityContextImpl(authentication) : new SecurityContextImpl();
		return chain.next(request).contextWrite(ReactiveSecurityContextHolder.withSecurityContext(Mono.just(context)));
	}

	private Mono<Authentication> caller(WebSocketSessionInfo sessionInfo, Map<String, Object> payload) {
		String credential = credential(payload);
		if (credential != null) {
			if (credential.isBlank()) {
				return Mono.error(() -> new InvalidBearerTokenException("The credential is not valid"));
			}
			return this.authenticationManager.authenticate(new BearerTokenAuthenticationToken(credential))
				.switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException("The credential is not valid")));
		}
		return sessionInfo.getPrincipal()
			.filter((principal) -> principal instanceof Authentication authentication
					&& authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken))
			.cast(Authentication.class)
			.switchIfEmpty(
					Mono.defer(() -> this.mode.admitsAnonymous(sessionInfo.getRemoteAddress()) ? Mono.just(anonymous())
							: Mono.error(() -> new InvalidBearerTokenException("A credential is required"))));
	}

	/**
	 * The credential in the payload, under the names of the HTTP headers (in any case):
	 * {@code Authorization} with a bearer token, or {@code X-API-Key}. Anything present
	 * but unusable is refused rather than ignored.
	 */
	private static @Nullable String credential(Map<String, Object> payload) {
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			String name = entry.getKey().toLowerCase(Locale.ROOT);
			if (name.equals("authorization")) {
				String value = String.valueOf(entry.getValue());
				return value.toLowerCase(Locale.ROOT).startsWith(BEARER) ? value.substring(BEARER.length()).trim() : "";
			}
			if (name.equals(CredentialConverter.API_KEY_HEADER.toLowerCase(Locale.ROOT))) {
				return String.valueOf(entry.getValue());
			}
		}
		return null;
	}

	private static Authentication anonymous() {
		return new AnonymousAuthenticationToken("graphql-websocket", "anonymous", Scopes.authorities(Scopes.ALL));
	}

	@Override
	public int getOrder() {
		// Ahead of ScopeInterceptor, which reads the caller this puts in place; only the
		// response cache's interceptor (HTTP only) comes first.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
