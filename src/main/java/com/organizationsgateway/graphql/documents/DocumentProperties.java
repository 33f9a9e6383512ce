package com.organizationsgateway.graphql.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache of parsed and validated GraphQL documents, which also holds the Automatic
 * Persisted Queries, and how long a client may keep a persisted query's GET response.
 *
 * @param maxCharacters the most characters of document text kept, plain query texts and
 * persisted queries together
 * @param maxLength the longest document text, in characters, that is cached; longer ones
 * are parsed every time and cannot be persisted
 * @param persistedGetMaxAge the {@code max-age} of a successful persisted query sent with
 * GET; zero sends no caching headers, so a client never reads a response older than its
 * own last write
 */
@ConfigurationProperties("gateway.graphql.documents")
record DocumentProperties(@DefaultValue("1000000") long maxCharacters, @DefaultValue("16384") int maxLength,
		@DefaultValue("0s") Duration persistedGetMaxAge) {

}
