package com.organizationsgateway.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one operation that were answered from a stale cache entry, collected in
 * the {@code GraphQLContext} and reported by {@link StaleFieldsInterceptor} as
 * {@code extensions.stale: [{path, ageSeconds}]}. Created by the first stale field, so an
 * operation answered fresh, nearly every one, pays nothing for it.
 */
final class StaleFields {

	static final String EXTENSION = "stale";

	private final Map<ResultPath, Duration> ages = new ConcurrentHashMap<>();

	/** The operation's collector, created when its first stale field asks for it. */
	static StaleFields of(DataFetchingEnvironment environment) {
		return environment.getGraphQlContext().computeIfAbsent(StaleFields.class, (key) -> new StaleFields());
	}

	/** The operation's collector, or null when no field was stale. */
	static @Nullable StaleFields of(GraphQLContext context) {
		return context.get(StaleFields.class);
	}

	void record(ResultPath path, Duration age) {
		this.ages.merge(path, age, (a, b) -> (a.compareTo(b) >= 0) ? a : b);
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
