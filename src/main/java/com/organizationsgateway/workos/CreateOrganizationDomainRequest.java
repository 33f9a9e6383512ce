package com.organizationsgateway.workos;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Body of {@code POST /organization_domains}: the domain to add, and the organization
 * that is to hold it.
 *
 * @param organizationId the WorkOS id of the organization
 * @param domain the domain name, such as {@code foo-corp.com}
 */
public record CreateOrganizationDomainRequest(String organizationId, String domain) {

	Map<String, Object> toWireBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("domain", this.domain);
		body.put("organization_id", this.organizationId);
		return body;
	}

}
