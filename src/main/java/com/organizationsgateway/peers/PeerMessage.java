package com.organizationsgateway.peers;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import com.organizationsgateway.workos.WorkOsOrganization;

/**
 * A change as sent between instances on the Redis channel. Unknown fields are ignored, so
 * a later version may add fields without breaking older readers.
 *
 * @param version the message format; readers drop versions they do not know
 * @param instance the sending instance's id, so that it skips its own messages
 * @param origin where the sender learnt the change ({@code GATEWAY} or {@code WEBHOOK})
 * @param organizationId the organization's WorkOS id; null when unknown
 * @param kind {@code CREATED}, {@code UPDATED}, {@code DELETED} or
 * {@code POSSIBLY_CHANGED}
 * @param externalIds the external ids the change may have touched
 * @param updatedAt the organization's {@code updated_at} after the change, if known
 * @param organization the organization after the change (as WorkOS sends it), if known
 * and small enough
 * @param domainId for a change to one of the organization's domains, the domain's id;
 * older senders leave the four domain fields out
 * @param domain that domain's name, if known
 * @param domainUpdatedAt that domain's {@code updated_at} after the change, if known
 * @param domainRemoved whether that domain was removed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PeerMessage(@JsonProperty("version") int version, @JsonProperty("instance") @Nullable String instance,
		@JsonProperty("origin") @Nullable String origin,
		@JsonProperty("organization_id") @Nullable String organizationId, @JsonProperty("kind") @Nullable String kind,
		@JsonProperty("external_ids") @Nullable List<String> externalIds,
		@JsonProperty("updated_at") @Nullable Instant updatedAt,
		@JsonProperty("organization") @Nullable WorkOsOrganization organization,
		@JsonProperty("domain_id") @Nullable String domainId, @JsonProperty("domain") @Nullable String domain,
		@JsonProperty("domain_updated_at") @Nullable Instant domainUpdatedAt,
		@JsonProperty("domain_removed") @Nullable Boolean domainRemoved) {

	static final int VERSION = 1;

}
