package com.organizationsgateway.organization;

import com.organizationsgateway.workos.ListOrder;

/**
 * The GraphQL {@code SortOrder} by creation time.
 */
enum SortOrder {

	ASC, DESC;

	ListOrder toWire() {
		return (this == ASC) ? ListOrder.ASC : ListOrder.DESC;
	}

	ListOrder reversedToWire() {
		return (this == ASC) ? ListOrder.DESC : ListOrder.ASC;
	}

}
