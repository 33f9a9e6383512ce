package com.organizationsgateway.organization;

import org.jspecify.annotations.Nullable;

/**
 * How one organization is looked up: by its WorkOS id or by its external id. Keys are
 * values, so the DataLoader deduplicates repeated lookups within one operation.
 */
sealed interface OrganizationKey {

	/**
	 * The key for {@code organization(id:, externalId:)}: exactly one of the two must be
	 * given, and it must be well formed.
	 */
	static OrganizationKey of(@Nullable String id, @Nullable String externalId) {
		InputErrors errors = new InputErrors();
		if ((id == null) == (externalId == null)) {
			errors.add("id", "exactly_one_required", "Give exactly one of id and externalId");
			errors.throwIfAny();
		}
		if (id != null) {
			InputRules.organizationId(errors, "id", id);
			errors.throwIfAny();
			return new ById(id);
		}
		InputRules.externalId(errors, "externalId", externalId);
		errors.throwIfAny();
		return new ByExternalId(externalId);
	}

	/** The id or the external id, as its upstream lookup takes it. */
	String value();

	/** Lookup by WorkOS id. */
	record ById(String id) implements OrganizationKey {

		@Override
		public String value() {
			return this.id;
		}

	}

	/** Lookup by external id. */
	record ByExternalId(String externalId) implements OrganizationKey {

		@Override
		public String value() {
			return this.externalId;
		}

	}

}
