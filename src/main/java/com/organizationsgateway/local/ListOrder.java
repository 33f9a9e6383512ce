package com.organizationsgateway.local;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Order of a list page by creation time (that is, by id). {@code NORMAL} is descending
 * with reversed cursors: {@code before} fetches older records and {@code after} newer
 * ones.
 */
enum ListOrder {

	ASC, DESC, NORMAL;

	static @Nullable ListOrder fromWire(String value) {
		for (ListOrder order : values()) {
			if (order.name().toLowerCase(Locale.ROOT).equals(value)) {
				return order;
			}
		}
		return null;
	}

}
