package com.organizationsgateway.workos;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A domain to set on an organization. WorkOS accepts only {@code pending} and
 * {@code verified} here.
 */
public record DomainData(@JsonProperty("domain") String domain, @JsonProperty("state") State state) {

	/** The states a client may set. */
	public enum State {

		PENDING, VERIFIED;

		@JsonValue
		public String wireValue() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
