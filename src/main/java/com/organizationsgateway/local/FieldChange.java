package com.organizationsgateway.local;

import org.jspecify.annotations.Nullable;

/**
 * One field of a partial update: omitted ({@code present == false}) leaves it alone, a
 * present null clears it, a present value sets it.
 *
 * @param <T> the field's type
 */
record FieldChange<T>(boolean present, @Nullable T value) {

	static <T> FieldChange<T> omitted() {
		return new FieldChange<>(false, null);
	}

	static <T> FieldChange<T> of(@Nullable T value) {
		return new FieldChange<>(true, value);
	}

}
