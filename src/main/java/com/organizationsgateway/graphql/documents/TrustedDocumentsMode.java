package com.organizationsgateway.graphql.documents;

import java.util.Locale;

/**
 * What the gateway does with documents that are not in its list of trusted documents.
 */
enum TrustedDocumentsMode {

	/** No list is loaded; every document runs, and a {@code documentId} is unknown. */
	OFF,

	/** Listed documents run by id; others run too, and are logged and counted. */
	LOG_UNKNOWN,

	/** Listed documents run by id or by their text; anything else is refused. */
	SAFELIST,

	/** Only listed documents sent by id run; any document text is refused. */
	REQUIRE_ID;

	/** The mode as the setting writes it, such as {@code log-unknown}. */
	String setting() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Whether documents outside the list are refused. */
	boolean enforces() {
		return this == SAFELIST || this == REQUIRE_ID;
	}

}
