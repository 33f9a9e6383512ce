package com.organizationsgateway.reference;

import java.util.List;

/**
 * An organization as the schema subset shows it.
 *
 * @param id the WorkOS id
 * @param name the display name
 * @param externalId the id in the caller's system, or null
 * @param domains the email domains
 */
record Organization(String id, String name, String externalId, List<OrganizationDomain> domains) {

}
