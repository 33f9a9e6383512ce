package com.organizationsgateway.graphql.http;

import java.util.List;

import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorBodies;
import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 406 with a GraphQL-style error when the {@code Accept} header cannot be parsed
 * (a q-value that is not a number, say) or is absurdly long. Left alone, the header
 * throws deep inside Spring's content negotiation and the client gets a 500 that blames
 * the gateway. The embedded Organizations API's paths are left to it, as WorkOS's are.
 */
final class UnreadableAcceptFilter implements WebFilter, Ordered {

	/** Far above any real client's; browsers send under 200 characters. */
	static final int MAX_ACCEPT_LENGTH = 1024;

	private static final String LOCAL_API = "/organizations";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.equals(LOCAL_API) || path.startsWith(LOCAL_API + "/")) {
			return chain.filter(exchange);
		}
		List<String> accept = exchange.getRequest().getHeaders().get(HttpHeaders.ACCEPT);
		if (accept == null || accept.isEmpty()) {
			return chain.filter(exchange);
		}
		int length = accept.stream().mapToInt(String::length).sum();
		if (length > MAX_ACCEPT_LENGTH) {
			return ErrorBodies.write(exchange.getResponse(), HttpStatus.NOT_ACCEPTABLE, ErrorCode.BAD_REQUEST,
					"The Accept header is longer than " + MAX_ACCEPT_LENGTH + " characters");
		}
		try {
			// InvalidMediaTypeException and InvalidMimeTypeException are both
			// IllegalArgumentExceptions.
			for (String value : accept) {
				MediaType.parseMediaTypes(value).forEach(MediaType::getQualityValue);
			}
		}
		catch (IllegalArgumentException ex) {
			return ErrorBodies.write(exchange.getResponse(), HttpStatus.NOT_ACCEPTABLE, ErrorCode.BAD_REQUEST,
					"The Accept header cannot be parsed; send application/graphql-response+json or application/json");
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		// Before anything negotiates content, the security chain's error answers
		// included.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
