package com.organizationsgateway.organization;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.workos.WorkOsDomain;

/**
 * The GraphQL {@code OrganizationDomain}. A domain without a state (older WorkOS
 * responses) reads as {@code UNKNOWN}.
 */
record OrganizationDomain(String id, String domain, OrganizationDomainState state,
		@Nullable DomainVerificationStrategy verificationStrategy, @Nullable String verificationToken) {

	static OrganizationDomain from(WorkOsDomain domain) {
		return new OrganizationDomain(domain.id(), domain.domain(), OrganizationDomainState.from(domain.state()),
				DomainVerificationStrategy.from(domain.verificationStrategy()), domain.verificationToken());
	}

}
