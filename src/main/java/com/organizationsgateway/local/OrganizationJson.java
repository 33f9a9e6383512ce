package com.organizationsgateway.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Renders stored records as WorkOS's JSON, as ordered maps: {@code external_id} is always
 * present (null when unset), {@code stripe_customer_id} is left out when unset, and
 * timestamps carry exactly three fractional digits.
 */
final class OrganizationJson {

	private OrganizationJson() {
	}

	static Map<String, @Nullable Object> organization(LocalOrganization organization) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("object", "organization");
		json.put("id", organization.id());
		json.put("name", organization.name());
		json.put("allow_profiles_outside_organization", false);
		json.put("domains", organization.domains().stream().map(OrganizationJson::domain).toList());
		json.put("metadata", organization.metadata());
		json.put("external_id", organization.externalId());
		if (organization.stripeCustomerId() != null) {
			json.put("stripe_customer_id", organization.stripeCustomerId());
		}
		json.put("created_at", Timestamps.format(organization.createdAt()));
		json.put("updated_at", Timestamps.format(organization.updatedAt()));
		return json;
	}

	static Map<String, @Nullable Object> domain(LocalDomain domain) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("object", "organization_domain");
		json.put("id", domain.id());
		json.put("organization_id", domain.organizationId());
		json.put("domain", domain.domain());
		json.put("state", domain.state().wireValue());
		json.put("verification_strategy", domain.verificationStrategy());
		json.put("verification_token", domain.verificationToken());
		json.put("verification_prefix", domain.verificationPrefix());
		json.put("created_at", Timestamps.format(domain.createdAt()));
		json.put("updated_at", Timestamps.format(domain.updatedAt()));
		return json;
	}

	/** The data of {@code organization_domain.verification_failed}. */
	static Map<String, @Nullable Object> verificationFailed(LocalDomain domain, String reason) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("reason", reason);
		json.put("organization_domain", domain(domain));
		return json;
	}

	static Map<String, @Nullable Object> list(OrganizationPage page) {
		List<Map<String, @Nullable Object>> data = page.data().stream().map(OrganizationJson::organization).toList();
		Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
		metadata.put("before", page.before());
		metadata.put("after", page.after());
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("object", "list");
		json.put("data", data);
		json.put("list_metadata", metadata);
		return json;
	}

}
