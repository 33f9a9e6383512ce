package com.organizationsgateway.local;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A validated partial update. Null {@code name} and {@code domains} mean omitted;
 * {@code metadataPatch} null means omitted, otherwise a key mapped to null deletes it and
 * an empty patch deletes every key.
 */
record OrganizationChanges(@Nullable String name, @Nullable List<DomainRequest> domains, FieldChange<String> externalId,
		FieldChange<String> stripeCustomerId, @Nullable Map<String, @Nullable String> metadataPatch) {

}
