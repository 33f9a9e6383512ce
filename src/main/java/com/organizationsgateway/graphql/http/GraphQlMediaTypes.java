package com.organizationsgateway.graphql.http;

import java.util.List;

import org.springframework.graphql.MediaTypes;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.NotAcceptableStatusException;

/**
 * The response media types of the GraphQL endpoint and the choice between them, as
 * Spring's {@code GraphQlHttpHandler} makes it for POST, so that the GET route and the
 * gateway's own error answers negotiate alike.
 */
final class GraphQlMediaTypes {

	/** What a GraphQL response can be sent as, the GraphQL-over-HTTP type first. */
	static final List<MediaType> RESPONSE_TYPES = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON);

	private GraphQlMediaTypes() {
	}

	/**
	 * Whether the request's {@code Accept} allows one of the given types; a request
	 * without {@code Accept} accepts anything, as the GraphQL-over-HTTP spec says.
	 */
	static boolean accepts(ServerRequest request, List<MediaType> producible) {
		List<MediaType> accepted = accepted(request);
		return accepted.isEmpty()
				|| accepted.stream().anyMatch((type) -> producible.stream().anyMatch(type::isCompatibleWith));
	}

	/**
	 * The first type of {@code Accept} that is exactly a GraphQL response type, and
	 * {@code application/json} otherwise (for {@code *}{@code /*}, say), as Spring
	 * decides for POST.
	 */
	static MediaType responseType(ServerRequest request) {
		return accepted(request).stream()
			.filter(RESPONSE_TYPES::contains)
			.findFirst()
			.orElse(MediaType.APPLICATION_JSON);
	}

	private static List<MediaType> accepted(ServerRequest request) {
		try {
			return request.headers().accept();
		}
		catch (InvalidMediaTypeException ex) {
			throw new NotAcceptableStatusException("Could not parse the Accept header: " + ex.getMessage());
		}
	}

}
