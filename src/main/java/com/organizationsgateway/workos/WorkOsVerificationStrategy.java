package com.organizationsgateway.workos;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a domain is verified. A strategy WorkOS adds later reads as {@link #UNKNOWN}.
 */
public enum WorkOsVerificationStrategy {

	DNS("dns"), MANUAL("manual"), UNKNOWN("unknown");

	private final String wireValue;

	WorkOsVerificationStrategy(String wireValue) {
		this.wireValue = wireValue;
	}

	@JsonValue
	public String wireValue() {
		return this.wireValue;
	}

	@JsonCreator
	public static WorkOsVerificationStrategy fromWire(String value) {
		for (WorkOsVerificationStrategy strategy : values()) {
			if (strategy.wireValue.equals(value)) {
				return strategy;
			}
		}
		return UNKNOWN;
	}

}
