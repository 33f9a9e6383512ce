package com.organizationsgateway.workos;

/**
 * Sort order of a list by creation time.
 */
public enum ListOrder {

	ASC("asc"), DESC("desc");

	private final String wireValue;

	ListOrder(String wireValue) {
		this.wireValue = wireValue;
	}

	public String wireValue() {
		return this.wireValue;
	}

}
