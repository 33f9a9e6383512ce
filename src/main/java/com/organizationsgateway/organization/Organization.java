package com.organizationsgateway.organization;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.workos.WorkOsOrganization;

/**
 * The GraphQL {@code Organization}; the record's simple name is the GraphQL type name,
 * which is how {@code Node} resolves to it.
 */
record Organization(String id, String name, @Nullable String externalId, @Nullable String stripeCustomerId,
		List<OrganizationDomain> domains, List<MetadataEntry> metadata, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {

	Organization {
		domains = List.copyOf(domains);
		metadata = List.copyOf(metadata);
	}

	/**
	 * Maps the wire record. The schema promises non-null timestamps: a missing
	 * {@code created_at} falls back to {@code updated_at}, then to the Unix epoch, so
	 * that one odd record cannot fail a whole page.
	 */
	static Organization from(WorkOsOrganization organization) {
		Instant createdAt = firstNonNull(organization.createdAt(), organization.updatedAt());
		Instant updatedAt = firstNonNull(organization.updatedAt(), createdAt);
		List<MetadataEntry> metadata = organization.metadata()
			.entrySet()
			.stream()
			.map((entry) -> new MetadataEntry(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(MetadataEntry::key))
			.toList();
		return new Organization(organization.id(), organization.name(), organization.externalId(),
				organization.stripeCustomerId(),
				organization.domains()
					.stream()
					.map((domain) -> OrganizationDomain.from(domain, organization.id()))
					.toList(),
				metadata, utc(createdAt), utc(updatedAt));
	}

	/** The metadata entries with the given keys, or all of them when keys is null. */
	List<MetadataEntry> metadata(@Nullable List<String> keys) {
		if (keys == null) {
			return this.metadata;
		}
		Set<String> wanted = new HashSet<>(keys);
		return this.metadata.stream().filter((entry) -> wanted.contains(entry.key())).toList();
	}

	private static Instant firstNonNull(@Nullable Instant first, @Nullable Instant second) {
		if (first != null) {
			return first;
		}
		return (second != null) ? second : Instant.EPOCH;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
