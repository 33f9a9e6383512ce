package com.organizationsgateway.organization;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.workos.WorkOsVerificationStrategy;

/**
 * The GraphQL {@code DomainVerificationStrategy}; null when WorkOS did not say.
 */
enum DomainVerificationStrategy {

	DNS, MANUAL, UNKNOWN;

	static @Nullable DomainVerificationStrategy from(@Nullable WorkOsVerificationStrategy strategy) {
		if (strategy == null) {
			return null;
		}
		return switch (strategy) {
			case DNS -> DNS;
			case MANUAL -> MANUAL;
			case UNKNOWN -> UNKNOWN;
		};
	}

}
