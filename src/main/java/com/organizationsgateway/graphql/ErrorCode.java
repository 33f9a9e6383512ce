package com.organizationsgateway.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;

/**
 * The gateway's error taxonomy, after Netflix DGS's: every GraphQL error carries one of
 * these as {@code extensions.code}. The HTTP analogue of each is given for orientation.
 */
public enum ErrorCode implements ErrorClassification {

	/** 400: the arguments are invalid, by the gateway's checks or the upstream's. */
	BAD_USER_INPUT,

	/** 404: the organization does not exist. */
	NOT_FOUND,

	/** 409: the change clashes with existing data, such as a duplicate external id. */
	CONFLICT,

	/** 401: reserved for the gateway's own authentication. */
	UNAUTHENTICATED,

	/** 403: reserved for the gateway's own authorization. */
	FORBIDDEN,

	/** 429: the upstream is rate limiting the gateway. */
	RATE_LIMITED,

	/** 502/503/504: the upstream failed, timed out, or refused the gateway's key. */
	UPSTREAM_UNAVAILABLE,

	/** 400: the document does not parse. */
	GRAPHQL_PARSE_FAILED,

	/** 400: the document does not validate against the schema. */
	GRAPHQL_VALIDATION_FAILED,

	/**
	 * 200 (400 with {@code application/graphql-response+json}): a persisted query's hash
	 * is unknown; send the document with it once. Apollo clients do so by themselves.
	 */
	PERSISTED_QUERY_NOT_FOUND,

	/** 400: the document sent with a persisted query hash does not hash to it. */
	PERSISTED_QUERY_HASH_MISMATCH,

	/** 500: anything else. */
	INTERNAL;

	/** The name of the extension that carries the code. */
	public static final String EXTENSION = "code";

	@Override
	public Object toSpecification(GraphQLError error) {
		return name();
	}

}
