package com.organizationsgateway.workos;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Verification state of a domain. A state WorkOS adds later reads as {@link #UNKNOWN}
 * rather than failing the whole response.
 */
public enum WorkOsDomainState {

	PENDING("pending"), VERIFIED("verified"), FAILED("failed"), LEGACY_VERIFIED("legacy_verified"),
	UNVERIFIED("unverified"), UNKNOWN("unknown");

	private final String wireValue;

	WorkOsDomainState(String wireValue) {
		this.wireValue = wireValue;
	}

	@JsonValue
	public String wireValue() {
		return this.wireValue;
	}

	@JsonCreator
	public static WorkOsDomainState fromWire(String value) {
		for (WorkOsDomainState state : values()) {
			if (state.wireValue.equals(value)) {
				return state;
			}
		}
		return UNKNOWN;
	}

}
