package com.organizationsgateway.graphql.documents;

import java.util.Locale;

/**
 * What became of one Automatic Persisted Query, counted as
 * {@code graphql.persisted.queries{outcome}}.
 */
enum PersistedQueryOutcome {

	/** The hash was known: the client saved sending the document. */
	HIT,

	/** Only a hash, and it was not known: the client must send the document once. */
	MISS,

	/** Hash and document sent and stored for later hash-only requests. */
	REGISTERED,

	/** The document does not hash to the hash it came with. */
	HASH_MISMATCH;

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
