package com.organizationsgateway.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.ArgumentValue;

/**
 * The GraphQL {@code UpdateOrganizationInput}. {@link ArgumentValue} tells an omitted
 * field (keep the value) from an explicit null (clear it).
 */
record UpdateOrganizationInput(String id, @Nullable String name, @Nullable List<DomainDataInput> domainData,
		ArgumentValue<String> externalId, ArgumentValue<String> stripeCustomerId,
		@Nullable List<MetadataEntryInput> metadata) {
}
