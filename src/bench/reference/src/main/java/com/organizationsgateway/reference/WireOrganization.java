package com.organizationsgateway.reference;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An organization in the Organizations API's wire format, as far as the schema subset
 * needs it.
 *
 * @param id the WorkOS id
 * @param name the display name
 * @param externalId the id in the caller's system, or null
 * @param domains the email domains
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WireOrganization(String id, String name, @JsonProperty("external_id") String externalId,
		List<WireDomain> domains) {

	Organization toOrganization() {
		return new Organization(this.id, this.name, this.externalId,
				this.domains.stream()
					.map((domain) -> new OrganizationDomain(domain.domain(), domain.state().toUpperCase(Locale.ROOT)))
					.toList());
	}

	/**
	 * A domain in the wire format.
	 *
	 * @param domain the domain name
	 * @param state the verification state, in lower case
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record WireDomain(String domain, String state) {

	}

}
