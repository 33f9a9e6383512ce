package com.organizationsgateway.workos;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A domain of an organization ({@code "object": "organization_domain"}), nested in an
 * organization or on its own from {@code /organization_domains}. Older WorkOS responses
 * carry only {@code id} and {@code domain}, so everything else may be missing; unknown
 * fields are ignored and unknown states read as {@link WorkOsDomainState#UNKNOWN}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkOsDomain(@JsonProperty("id") String id, @JsonProperty("domain") String domain,
		@JsonProperty("organization_id") @Nullable String organizationId,
		@JsonProperty("state") @Nullable WorkOsDomainState state,
		@JsonProperty("verification_strategy") @Nullable WorkOsVerificationStrategy verificationStrategy,
		@JsonProperty("verification_token") @Nullable String verificationToken,
		@JsonProperty("verification_prefix") @Nullable String verificationPrefix,
		@JsonProperty("created_at") @Nullable Instant createdAt,
		@JsonProperty("updated_at") @Nullable Instant updatedAt) {
}
