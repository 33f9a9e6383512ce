package com.organizationsgateway.workos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /organizations}. Absent optional fields are left out of the JSON.
 */
public record CreateOrganizationRequest(String name, @Nullable List<DomainData> domainData, @Nullable String externalId,
		@Nullable Map<String, String> metadata) {

	Map<String, Object> toWireBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", this.name);
		if (this.domainData != null) {
			body.put("domain_data", this.domainData);
		}
		if (this.externalId != null) {
			body.put("external_id", this.externalId);
		}
		if (this.metadata != null) {
			body.put("metadata", this.metadata);
		}
		return body;
	}

}
