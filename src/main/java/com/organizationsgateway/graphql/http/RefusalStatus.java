package com.organizationsgateway.graphql.http;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import org.jspecify.annotations.Nullable;

import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status of an operation the trusted documents refused, as Apollo Router answers
 * it whatever the response's media type: 404 for an id that is not listed, 403 for a
 * document that is not, 400 for a document where only ids run.
 */
final class RefusalStatus {

	private static final Map<String, HttpStatus> STATUSES = Map.of(ErrorCode.PERSISTED_QUERY_NOT_IN_LIST.name(),
			HttpStatus.NOT_FOUND, ErrorCode.QUERY_NOT_IN_SAFELIST.name(), HttpStatus.FORBIDDEN,
			ErrorCode.PERSISTED_QUERY_ID_REQUIRED.name(), HttpStatus.BAD_REQUEST);

	private RefusalStatus() {
	}

	/** The refusal's status, or null when the response is no such refusal. */
	static @Nullable HttpStatus of(WebGraphQlResponse response) {
		if (response.getExecutionResult().isDataPresent()) {
			return null;
		}
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		if (errors.size() != 1 || errors.get(0).getExtensions() == null) {
			return null;
		}
		Object code = errors.get(0).getExtensions().get(ErrorCode.EXTENSION);
		return (code instanceof String name) ? STATUSES.get(name) : null;
	}

}
