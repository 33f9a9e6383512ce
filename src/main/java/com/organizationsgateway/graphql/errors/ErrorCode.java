package com.organizationsgateway.graphql.errors;

import graphql.ErrorClassification;
import graphql.GraphQLError;

/**
 * The gateway's error taxonomy, after Netflix DGS's: every GraphQL error carries one of
 * these as {@code extensions.code}. The HTTP analogue of each is given for orientation.
 */
public enum ErrorCode implements ErrorClassification {

	/** 400: the arguments are invalid, by the gateway's checks or the upstream's. */
	BAD_USER_INPUT,

	/** 404: the organization or domain does not exist. */
	NOT_FOUND,

	/** 409: the change clashes with existing data, such as a duplicate external id. */
	CONFLICT,

	/** 401: no valid credential; the HTTP status is 401 too. */
	UNAUTHENTICATED,

	/** 403: the credential lacks the operation's scope; the HTTP status is 403 too. */
	FORBIDDEN,

	/** 429: the upstream is rate limiting the gateway. */
	RATE_LIMITED,

	/**
	 * 502/503/504: the upstream failed, timed out, or refused the gateway's key; the
	 * circuit is open; too many upstream calls are in flight; or the operation ran over
	 * its deadline.
	 */
	UPSTREAM_UNAVAILABLE,

	/**
	 * 400/406: the HTTP request itself cannot be used, before any GraphQL: an empty body
	 * or one that is not a JSON object, malformed UTF-8, or an {@code Accept} header that
	 * cannot be parsed (406). Apollo Server's code for the same refusals.
	 */
	BAD_REQUEST,

	/** 400: the document does not parse. */
	GRAPHQL_PARSE_FAILED,

	/** 400: the document does not validate against the schema. */
	GRAPHQL_VALIDATION_FAILED,

	/**
	 * 400/413: the operation is over a configured limit: depth, complexity, or the size
	 * of the request body.
	 */
	LIMIT_EXCEEDED,

	/**
	 * 200 (400 with {@code application/graphql-response+json}): a persisted query's hash
	 * is unknown; send the document with it once. Apollo clients do so by themselves.
	 */
	PERSISTED_QUERY_NOT_FOUND,

	/** 400: the document sent with a persisted query hash does not hash to it. */
	PERSISTED_QUERY_HASH_MISMATCH,

	/**
	 * 404: the document id (or persisted query hash) is not in the gateway's list of
	 * trusted documents, and the mode does not let it be registered.
	 */
	PERSISTED_QUERY_NOT_IN_LIST,

	/**
	 * 403: the document text is not in the list of trusted documents, which the gateway
	 * enforces ({@code safelist} mode).
	 */
	QUERY_NOT_IN_SAFELIST,

	/**
	 * 400: the gateway runs only trusted documents sent by id ({@code require-id} mode),
	 * and the request carried a document text instead.
	 */
	PERSISTED_QUERY_ID_REQUIRED,

	/** 500: anything else. */
	INTERNAL;

	/** The name of the extension that carries the code. */
	public static final String EXTENSION = "code";

	@Override
	public Object toSpecification(GraphQLError error) {
		return name();
	}

}
