package com.organizationsgateway.organization;

import java.util.ArrayList;
import java.util.List;

import com.organizationsgateway.graphql.errors.InputFieldError;
import com.organizationsgateway.graphql.errors.InvalidInputException;

/**
 * Collects every invalid field of a request, so that one answer lists them all.
 */
final class InputErrors {

	private final List<InputFieldError> errors = new ArrayList<>();

	void add(String field, String code, String message) {
		this.errors.add(new InputFieldError(field, code, message));
	}

	/** Throws {@link InvalidInputException} when any field was invalid. */
	void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException(this.errors);
		}
	}

}
