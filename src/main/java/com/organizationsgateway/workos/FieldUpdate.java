package com.organizationsgateway.workos;

import org.jspecify.annotations.Nullable;

/**
 * A field of a partial update that tells "leave it", "clear it" and "set it" apart,
 * because WorkOS reads an omitted key and an explicit {@code null} differently.
 *
 * @param <T> the field's type
 */
public sealed interface FieldUpdate<T> {

	static <T> FieldUpdate<T> keep() {
		return new Keep<>();
	}

	static <T> FieldUpdate<T> clear() {
		return new Set<>(null);
	}

	static <T> FieldUpdate<T> set(@Nullable T value) {
		return new Set<>(value);
	}

	/** Leaves the field out of the request, so WorkOS keeps its value. */
	record Keep<T>() implements FieldUpdate<T> {
	}

	/** Sends the field; a null value clears it. */
	record Set<T>(@Nullable T value) implements FieldUpdate<T> {
	}

}
