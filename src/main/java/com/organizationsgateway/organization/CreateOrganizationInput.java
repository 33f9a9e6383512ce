package com.organizationsgateway.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code CreateOrganizationInput}.
 */
record CreateOrganizationInput(String name, @Nullable List<DomainDataInput> domainData, @Nullable String externalId,
		@Nullable List<MetadataEntryInput> metadata, @Nullable String idempotencyKey) {
}
