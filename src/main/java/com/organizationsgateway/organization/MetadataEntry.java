package com.organizationsgateway.organization;

/**
 * The GraphQL {@code MetadataEntry}: one key-value pair of an organization's metadata.
 */
record MetadataEntry(String key, String value) {
}
