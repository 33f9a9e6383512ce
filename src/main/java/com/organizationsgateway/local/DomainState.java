package com.organizationsgateway.local;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The domain states a client may set through {@code domain_data}.
 */
enum DomainState {

	PENDING, VERIFIED;

	String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	static @Nullable DomainState fromWire(String value) {
		for (DomainState state : values()) {
			if (state.wireValue().equals(value)) {
				return state;
			}
		}
		return null;
	}

}
