package com.organizationsgateway.security;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Hands the authenticated caller's scopes to the execution, where
 * {@link ScopeInstrumentation} checks them against the operation; a refusal gets a 403
 * status and an RFC 6750 {@code insufficient_scope} challenge. Every GraphQL route (POST,
 * GET, SSE, WebSocket) runs through here.
 */
@Component
class ScopeInterceptor implements WebGraphQlInterceptor, Ordered {

	/**
	 * Exchange attribute, an {@code AtomicReference<String>} put there by
	 * {@link MissingScopeStatusFilter}: the scope a refused operation lacked. The
	 * request's attribute map is read-only here, so the holder is what carries the answer
	 * back.
	 */
	static final String MISSING_SCOPE = ScopeInterceptor.class.getName() + ".missingScope";

	@Override
	@SuppressWarnings("unchecked")
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.map(ScopeInterceptor::scopes)
			.defaultIfEmpty(Set.of())
			.flatMap((scopes) -> {
				request.configureExecutionInput((input, builder) -> {
					input.getGraphQLContext().put(GrantedScopes.KEY, new GrantedScopes(scopes));
					return input;
				});
				return chain.next(request);
			})
			.map((response) -> {
				String missing = missingScope(response);
				if (missing != null) {
					if (request.getAttributes().get(MISSING_SCOPE) instanceof AtomicReference<?> holder) {
						((AtomicReference<Object>) holder).set(missing);
					}
					response.getResponseHeaders()
						.set(HttpHeaders.WWW_AUTHENTICATE, UnauthenticatedEntryPoint.REALM
								+ ", error=\"insufficient_scope\", scope=\"" + missing + "\"");
				}
				return response;
			});
	}

	private static Set<String> scopes(Authentication authentication) {
		return authentication.isAuthenticated() ? Scopes.of(authentication.getAuthorities()) : Set.of();
	}

	private static @Nullable String missingScope(WebGraphQlResponse response) {
		return response.getExecutionResult()
			.getErrors()
			.stream()
			.filter((error) -> error.getExtensions() != null
					&& ErrorCode.FORBIDDEN.name().equals(error.getExtensions().get(ErrorCode.EXTENSION)))
			.map((error) -> String.valueOf(error.getExtensions().get(ScopeInstrumentation.REQUIRED_SCOPE)))
			.findFirst()
			.orElse(null);
	}

	@Override
	public int getOrder() {
		// Right after WebSocketAuthentication, so the scopes are in place whatever the
		// other interceptors do.
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

}
