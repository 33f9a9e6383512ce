package com.organizationsgateway.reference;

/**
 * A domain of an organization.
 *
 * @param domain the domain name
 * @param state the name of an {@code OrganizationDomainState} value
 */
record OrganizationDomain(String domain, String state) {

}
