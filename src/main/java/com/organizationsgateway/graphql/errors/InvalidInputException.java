package com.organizationsgateway.graphql.errors;

import java.util.List;

/**
 * The arguments of a request are invalid; raised before any upstream call and reported as
 * {@link ErrorCode#BAD_USER_INPUT} with the field errors.
 */
public class InvalidInputException extends RuntimeException {

	private final List<InputFieldError> fieldErrors;

	public InvalidInputException(List<InputFieldError> fieldErrors) {
		super(summary(fieldErrors), null, false, false);
		this.fieldErrors = List.copyOf(fieldErrors);
	}

	public InvalidInputException(String field, String code, String message) {
		this(List.of(new InputFieldError(field, code, message)));
	}

	public List<InputFieldError> fieldErrors() {
		return this.fieldErrors;
	}

	private static String summary(List<InputFieldError> fieldErrors) {
		if (fieldErrors.size() == 1) {
			return "Invalid argument: " + fieldErrors.get(0).message();
		}
		return "Invalid arguments: " + fieldErrors.size() + " fields are invalid, see extensions.fieldErrors";
	}

}
