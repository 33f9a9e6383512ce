package com.organizationsgateway.graphql.documents;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.graphql.errors.ErrorCode;

/**
 * What became of one operation under the trusted documents, counted as
 * {@code graphql.trusted.documents{outcome,client}}; the refusals carry Apollo Router's
 * error codes.
 */
enum TrustedDocumentOutcome {

	/** A listed document ran, named by its id. */
	LISTED_ID(null, null),

	/** A listed document ran, sent as its exact text. */
	LISTED_TEXT(null, null),

	/** A document that is not listed ran ({@code log-unknown}). */
	UNKNOWN(null, null),

	/** Refused: the id is not in the list. */
	REFUSED_NOT_IN_LIST(ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
			"The document id is not in this gateway's list of trusted documents"),

	/** Refused: the text is not in the list ({@code safelist}). */
	REFUSED_NOT_IN_SAFELIST(ErrorCode.QUERY_NOT_IN_SAFELIST,
			"The document is not in this gateway's list of trusted documents; send a listed document or its id"),

	/** Refused: a text where only ids run ({@code require-id}). */
	REFUSED_ID_REQUIRED(ErrorCode.PERSISTED_QUERY_ID_REQUIRED,
			"This gateway runs only trusted documents sent by id: send documentId, or the document's SHA-256 as "
					+ "extensions.persistedQuery.sha256Hash");

	private final @Nullable ErrorCode code;

	private final @Nullable String message;

	TrustedDocumentOutcome(@Nullable ErrorCode code, @Nullable String message) {
		this.code = code;
		this.message = message;
	}

	@Nullable ErrorCode code() {
		return this.code;
	}

	@Nullable String message() {
		return this.message;
	}

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
