package com.organizationsgateway.workos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Body of the partial {@code PUT /organizations/{id}}. Null {@code name} and
 * {@code domainData} are left out; {@code domainData} replaces the domain set;
 * {@code metadata} is merged by WorkOS, and a key mapped to null deletes that key.
 */
public record UpdateOrganizationRequest(@Nullable String name, @Nullable List<DomainData> domainData,
		FieldUpdate<String> externalId, FieldUpdate<String> stripeCustomerId,
		@Nullable Map<String, @Nullable String> metadata) {

	/** An update of the name only. */
	public static UpdateOrganizationRequest name(String name) {
		return new UpdateOrganizationRequest(name, null, FieldUpdate.keep(), FieldUpdate.keep(), null);
	}

	Map<String, @Nullable Object> toWireBody() {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		if (this.name != null) {
			body.put("name", this.name);
		}
		if (this.domainData != null) {
			body.put("domain_data", this.domainData);
		}
		if (this.externalId instanceof FieldUpdate.Set<String> set) {
			body.put("external_id", set.value());
		}
		if (this.stripeCustomerId instanceof FieldUpdate.Set<String> set) {
			body.put("stripe_customer_id", set.value());
		}
		if (this.metadata != null) {
			body.put("metadata", new LinkedHashMap<>(this.metadata));
		}
		return body;
	}

}
