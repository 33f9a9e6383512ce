package com.organizationsgateway.graphql.documents;

/**
 * A key of the document cache: a query text, or a persisted query's SHA-256 hash. The
 * flag keeps a (broken) query text that happens to look like a hash from ever standing in
 * for a persisted query.
 *
 * @param persisted whether {@code value} is a hash
 * @param value the query text, or the lower-case hex hash
 */
record DocumentKey(boolean persisted, String value) {

}
