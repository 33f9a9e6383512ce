package com.organizationsgateway.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * Validates the query of {@code GET /organizations}. Anything present must be valid (422
 * otherwise) rather than silently clamped; {@code domains} is accepted comma-joined,
 * repeated, and as {@code domains[]}, because the official SDKs send all three.
 */
final class ListQueryReader {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 100;

	private static final Pattern ORGANIZATION_ID = Pattern.compile("org_[0-9A-HJKMNP-TV-Z]{26}");

	private ListQueryReader() {
	}

	static ListQuery read(MultiValueMap<String, String> params) {
		int limit = readLimit(params.getFirst("limit"));
		ListOrder order = readOrder(params.getFirst("order"));
		String before = readCursor("before", params.getFirst("before"));
		String after = readCursor("after", params.getFirst("after"));
		if (before != null && after != null) {
			throw LocalApiException.invalid("before", "Pass only one of before and after.");
		}
		Set<String> domains = new LinkedHashSet<>();
		List<String> raw = new ArrayList<>();
		raw.addAll(params.getOrDefault("domains", List.of()));
		raw.addAll(params.getOrDefault("domains[]", List.of()));
		for (String value : raw) {
			for (String domain : value.split(",")) {
				if (!domain.isBlank()) {
					domains.add(domain.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		String search = params.getFirst("search");
		search = (search == null || search.isBlank()) ? null : search.toLowerCase(Locale.ROOT);
		return new ListQuery(limit, order, before, after, domains, search);
	}

	private static int readLimit(@Nullable String value) {
		if (value == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.trim());
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, like an out-of-range value
		}
		throw LocalApiException.invalid("limit", "limit must be an integer between 1 and " + MAX_LIMIT + ".");
	}

	private static ListOrder readOrder(@Nullable String value) {
		if (value == null) {
			return ListOrder.DESC;
		}
		ListOrder order = ListOrder.fromWire(value);
		if (order == null) {
			throw LocalApiException.invalid("order", "order must be one of asc, desc or normal.");
		}
		return order;
	}

	private static @Nullable String readCursor(String name, @Nullable String value) {
		if (value == null) {
			return null;
		}
		if (!ORGANIZATION_ID.matcher(value).matches()) {
			throw LocalApiException.invalid(name,
					name + " must be an organization id such as org_01EHWNCE74X7JSDV0X3SZ3KJNY.");
		}
		return value;
	}

}
