package com.organizationsgateway.graphql.http;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Spring's POST handler, answering an operation the trusted documents refused with the
 * refusal's status ({@link RefusalStatus}) and anything else as Spring does.
 */
class RefusalAwareHttpHandler extends GraphQlHttpHandler {

	RefusalAwareHttpHandler(WebGraphQlHandler graphQlHandler) {
		super(graphQlHandler);
	}

	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
		HttpStatus refusal = RefusalStatus.of(response);
		return (refusal != null) ? refusal : super.selectResponseStatus(response, responseMediaType);
	}

}
