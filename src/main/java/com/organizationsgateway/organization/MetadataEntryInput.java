package com.organizationsgateway.organization;

import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code MetadataEntryInput}; a null value removes the key on update.
 */
record MetadataEntryInput(String key, @Nullable String value) {
}
