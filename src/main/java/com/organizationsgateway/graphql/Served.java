package com.organizationsgateway.graphql;

import java.time.Duration;

import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * A value for a field, fresh or served stale because the upstream failed; a stale one is
 * reported in the response's {@code extensions.stale} when the field resolves.
 *
 * @param value the value
 * @param staleAge how old a stale value is; null when fresh
 * @param <T> the value's type
 */
public record Served<T>(T value, @Nullable Duration staleAge) {

	public static <T> Served<T> fresh(T value) {
		return new Served<>(value, null);
	}

	public static <T> Served<T> stale(T value, Duration age) {
		return new Served<>(value, age);
	}

	/** The value for the field {@code environment} resolves, noting it if stale. */
	public T valueFor(DataFetchingEnvironment environment) {
		return valueAt(environment, environment.getExecutionStepInfo().getPath());
	}

	/** The value for one position of a list field, noting it if stale. */
	public T valueAt(DataFetchingEnvironment environment, ResultPath path) {
		if (this.staleAge != null) {
			StaleFields.of(environment).record(path, this.staleAge);
		}
		return this.value;
	}

}
