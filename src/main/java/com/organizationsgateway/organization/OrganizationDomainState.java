package com.organizationsgateway.organization;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.workos.WorkOsDomainState;

/**
 * The GraphQL {@code OrganizationDomainState}.
 */
enum OrganizationDomainState {

	PENDING, VERIFIED, FAILED, LEGACY_VERIFIED, UNVERIFIED, UNKNOWN;

	static OrganizationDomainState from(@Nullable WorkOsDomainState state) {
		if (state == null) {
			return UNKNOWN;
		}
		return switch (state) {
			case PENDING -> PENDING;
			case VERIFIED -> VERIFIED;
			case FAILED -> FAILED;
			case LEGACY_VERIFIED -> LEGACY_VERIFIED;
			case UNVERIFIED -> UNVERIFIED;
			case UNKNOWN -> UNKNOWN;
		};
	}

}
