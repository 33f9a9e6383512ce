package com.organizationsgateway.graphql.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One invalid input field, reported in {@code extensions.fieldErrors}.
 *
 * @param field the GraphQL path of the field, such as {@code input.externalId}
 * @param code a machine-readable reason, such as {@code too_long}
 * @param message a human-readable explanation
 */
public record InputFieldError(String field, String code, String message) {

	Map<String, Object> toExtension() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("field", this.field);
		map.put("code", this.code);
		map.put("message", this.message);
		return map;
	}

}
