package com.organizationsgateway.workos;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the client makes maps to one operation and a URI template without ids, so
 * that metric tags and log lines stay bounded.
 */
class WorkOsOperationTest {

	@ParameterizedTest
	@CsvSource({ "GET, /organizations/org_01EHT88Z8J8795GZNQ4ZP1J81T, getOrganization, /organizations/{id}",
			"GET, /organizations/external_id/crm%2F4711, getOrganizationByExternalId, /organizations/external_id/{external_id}",
			"GET, /organizations, listOrganizations, /organizations",
			"POST, /organizations, createOrganization, /organizations",
			"PUT, /organizations/org_01EHT88Z8J8795GZNQ4ZP1J81T, updateOrganization, /organizations/{id}",
			"DELETE, /organizations/org_01EHT88Z8J8795GZNQ4ZP1J81T, deleteOrganization, /organizations/{id}",
			"GET, /organizations/external_id, getOrganization, /organizations/{id}",
			"PATCH, /organizations/org_01EHT88Z8J8795GZNQ4ZP1J81T, other, UNKNOWN",
			"GET, /organization_domains/org_domain_01EHZNVPK2QXHMVWCEDQEKY69A, getOrganizationDomain, /organization_domains/{id}",
			"POST, /organization_domains, createOrganizationDomain, /organization_domains",
			"POST, /organization_domains/org_domain_01EHZNVPK2QXHMVWCEDQEKY69A/verify, verifyOrganizationDomain, /organization_domains/{id}/verify",
			"DELETE, /organization_domains/org_domain_01EHZNVPK2QXHMVWCEDQEKY69A, deleteOrganizationDomain, /organization_domains/{id}",
			"GET, /organization_domains, other, UNKNOWN",
			"PUT, /organization_domains/org_domain_01EHZNVPK2QXHMVWCEDQEKY69A, other, UNKNOWN",
			"GET, /organization_domains/org_domain_01/verify, other, UNKNOWN", "GET, /users/user_01, other, UNKNOWN",
			"GET, /organizations/a/b/c, other, UNKNOWN" })
	void mapsMethodAndPathToAnOperationAndATemplate(String method, String path, String operation, String uriTemplate) {
		WorkOsOperation mapped = WorkOsOperation.of(HttpMethod.valueOf(method), path);

		assertThat(mapped.tag()).isEqualTo(operation);
		assertThat(mapped.uriTemplate()).isEqualTo(uriTemplate);
	}

}
