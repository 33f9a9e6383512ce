package com.organizationsgateway.workos;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An organization as WorkOS sends it. Unknown fields are ignored because WorkOS adds
 * fields over time; {@code domains} and {@code metadata} default to empty because older
 * responses leave them out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkOsOrganization(@JsonProperty("id") String id, @JsonProperty("name") String name,
		@JsonProperty("domains") @Nullable List<WorkOsDomain> domains,
		@JsonProperty("metadata") @Nullable Map<String, String> metadata,
		@JsonProperty("external_id") @Nullable String externalId,
		@JsonProperty("stripe_customer_id") @Nullable String stripeCustomerId,
		@JsonProperty("created_at") @Nullable Instant createdAt,
		@JsonProperty("updated_at") @Nullable Instant updatedAt) {

	public WorkOsOrganization {
		domains = (domains != null) ? List.copyOf(domains) : List.of();
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
	}

}
