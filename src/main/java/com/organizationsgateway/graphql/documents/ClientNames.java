package com.organizationsgateway.graphql.documents;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The {@code client} tag of a request from its {@code apollographql-client-name} header,
 * bounded so that clients cannot grow the meters without limit: only configured names, or
 * else the first names seen up to a cap; any other name is {@code other}, none at all
 * {@code none}.
 */
final class ClientNames {

	static final String NONE = "none";

	static final String OTHER = "other";

	/** Longer names are not names a client team chose. */
	private static final int MAX_LENGTH = 64;

	private final Set<String> configured;

	private final int maxSeen;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	ClientNames(Set<String> configured, int maxSeen) {
		this.configured = Set.copyOf(configured);
		this.maxSeen = maxSeen;
	}

	String tag(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return NONE;
		}
		if (!this.configured.isEmpty()) {
			return this.configured.contains(name) ? name : OTHER;
		}
		if (this.seen.contains(name)) {
			return name;
		}
		return admit(name) ? name : OTHER;
	}

	private synchronized boolean admit(String name) {
		if (this.seen.size() >= this.maxSeen || name.length() > MAX_LENGTH
				|| !name.chars().allMatch((c) -> c >= 0x20 && c < 0x7f)) {
			return false;
		}
		this.seen.add(name);
		return true;
	}

}
