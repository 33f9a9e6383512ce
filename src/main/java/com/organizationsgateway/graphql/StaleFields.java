package com.organizationsgateway.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;

/**
 * The fields of one operation that were answered from a stale cache entry, collected in
 * the {@code GraphQLContext} and reported by {@link StaleFieldsInterceptor} as
 * {@code extensions.stale: [{path, ageSeconds}]}.
 */
final class StaleFields {

	static final String EXTENSION = "stale";

	/** Used when a field resolves outside a web request, as in slice tests: ignored. */
	private static final StaleFields NONE = new StaleFields();

	private final Map<ResultPath, Duration> ages = new ConcurrentHashMap<>();

	static StaleFields of(DataFetchingEnvironment environment) {
		StaleFields fields = environment.getGraphQlContext().get(StaleFields.class);
		return (fields != null) ? fields : NONE;
	}

	void record(ResultPath path, Duration age) {
		if (this != NONE) {
			this.ages.merge(path, age, (a, b) -> (a.compareTo(b) >= 0) ? a : b);
		}
	}

	boolean isEmpty() {
		return this.ages.isEmpty();
	}

	/** One entry per stale field, in path order; ages in whole seconds, rounded up. */
	List<Map<String, Object>> toExtension() {
		List<Map<String, Object>> entries = new ArrayList<>();
		this.ages.entrySet()
			.stream()
			.sorted(Comparator.comparing((entry) -> entry.getKey().toString()))
			.forEach((entry) -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("path", entry.getKey().toList());
				Duration age = entry.getValue();
				item.put("ageSeconds", age.getSeconds() + ((age.getNano() > 0) ? 1 : 0));
				entries.add(item);
			});
		return entries;
	}

}
