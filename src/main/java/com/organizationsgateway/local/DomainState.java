package com.organizationsgateway.local;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The states of a stored domain. A client may only set {@code pending} and
 * {@code verified} (through {@code domain_data}); {@code failed} is reached by a DNS
 * verification that ran out of time.
 */
enum DomainState {

	PENDING, VERIFIED, FAILED;

	String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The state a client asks for in {@code domain_data}, or null if it may not. */
	static @Nullable DomainState settable(String value) {
		if (PENDING.wireValue().equals(value)) {
			return PENDING;
		}
		if (VERIFIED.wireValue().equals(value)) {
			return VERIFIED;
		}
		return null;
	}

}
