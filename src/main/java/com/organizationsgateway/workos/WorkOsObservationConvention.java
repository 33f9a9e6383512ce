package com.organizationsgateway.workos;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Spring's {@code http.client.requests} observation of WorkOS calls, with the
 * {@link WorkOsOperation}'s URI template as {@code uri} (the client builds full URIs,
 * which would put organization ids into tags) and the operation's name as
 * {@code operation}.
 */
class WorkOsObservationConvention extends DefaultClientRequestObservationConvention {

	@Override
	public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(KeyValue.of("operation", operation(context).tag()));
	}

	@Override
	protected KeyValue uri(ClientRequestObservationContext context) {
		return KeyValue.of("uri", operation(context).uriTemplate());
	}

	private static WorkOsOperation operation(ClientRequestObservationContext context) {
		ClientRequest request = context.getRequest();
		return (request != null) ? WorkOsOperation.of(request.method(), request.url().getRawPath())
				: WorkOsOperation.OTHER;
	}

}
