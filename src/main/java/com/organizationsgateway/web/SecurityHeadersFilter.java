package com.organizationsgateway.web;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Adds a strict Content-Security-Policy and the usual hardening headers to every
 * response. They matter for the GraphiQL page and its assets; on JSON responses they are
 * harmless, and one rule for all is simpler than a list of paths to keep in sync.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

	/**
	 * Everything comes from the gateway itself. GraphiQL 2.4.7 needs no inline script, no
	 * eval and no inline style sheet: React and CodeMirror set styles through the CSSOM,
	 * which CSP allows, and its fonts are {@code data:} URLs inside its CSS. The one
	 * {@code <style>} element it would inject (scroll locking while a dialog is open) is
	 * refused without visible effect. The browser test fails on any CSP violation.
	 */
	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'",
			"object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'");

	private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
			"X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// Added just before the response is committed, so error responses carry them too
		// (error handling may reset headers); a handler that sets its own value keeps it.
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			HEADERS.forEach((name, value) -> {
				if (!headers.containsHeader(name)) {
					headers.set(name, value);
				}
			});
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		// Before any other filter, which might answer the request itself.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
