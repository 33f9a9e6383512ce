package com.organizationsgateway.organization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import graphql.relay.Connection;
import graphql.relay.ConnectionCursor;
import graphql.relay.DefaultConnection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import org.jspecify.annotations.Nullable;

import com.organizationsgateway.workos.ListOrganizationsRequest;
import com.organizationsgateway.workos.WorkOsOrganizationList;

/**
 * Translates Relay's {@code first/after/last/before} onto WorkOS's own cursors, and a
 * WorkOS page back into a connection. {@code last} without {@code before} asks WorkOS for
 * the opposite order and reverses the page, since WorkOS cannot start from the end.
 *
 * @param request the WorkOS request; also the key of the page cache
 * @param reversed whether {@code request} runs in the opposite of the requested order
 */
record PageQuery(ListOrganizationsRequest request, boolean reversed) {

	static final int DEFAULT_PAGE_SIZE = 10;

	static final int MAX_PAGE_SIZE = 100;

	static PageQuery of(@Nullable List<String> domains, @Nullable String search, @Nullable Integer first,
			@Nullable String after, @Nullable Integer last, @Nullable String before, @Nullable SortOrder order) {
		InputErrors errors = new InputErrors();
		if (first != null && last != null) {
			errors.add("last", "first_and_last", "Give first or last, not both");
		}
		if (first != null && before != null) {
			errors.add("before", "first_with_before", "first pages forward: combine it with after, not before");
		}
		if (last != null && after != null) {
			errors.add("after", "last_with_after", "last pages backward: combine it with before, not after");
		}
		if (after != null && before != null) {
			errors.add("before", "after_and_before", "Give after or before, not both");
		}
		pageSize(errors, "first", first);
		pageSize(errors, "last", last);
		InputRules.domainFilter(errors, "domains", domains);
		InputRules.search(errors, "search", search);
		errors.throwIfAny();
		String afterId = (after != null) ? OrganizationCursor.decode("after", after) : null;
		String beforeId = (before != null) ? OrganizationCursor.decode("before", before) : null;
		SortOrder sortOrder = (order != null) ? order : SortOrder.DESC;
		boolean backward = last != null || before != null;
		if (!backward) {
			int limit = (first != null) ? first : DEFAULT_PAGE_SIZE;
			return new PageQuery(
					new ListOrganizationsRequest(domains, search, limit, sortOrder.toWire(), null, afterId), false);
		}
		int limit = (last != null) ? last : DEFAULT_PAGE_SIZE;
		if (beforeId != null) {
			return new PageQuery(
					new ListOrganizationsRequest(domains, search, limit, sortOrder.toWire(), beforeId, null), false);
		}
		return new PageQuery(
				new ListOrganizationsRequest(domains, search, limit, sortOrder.reversedToWire(), null, null), true);
	}

	private static void pageSize(InputErrors errors, String field, @Nullable Integer size) {
		if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
			errors.add(field, "out_of_range", field + " must be between 1 and " + MAX_PAGE_SIZE);
		}
	}

	/**
	 * The connection for a WorkOS page. WorkOS's {@code list_metadata.before} is null at
	 * the start of the list and {@code after} at its end, in the order it was asked for;
	 * for a reversed request the two swap roles.
	 */
	Connection<Organization> toConnection(WorkOsOrganizationList page) {
		List<Organization> organizations = new ArrayList<>(page.data().stream().map(Organization::from).toList());
		boolean towardsStart = page.listMetadata().before() != null;
		boolean towardsEnd = page.listMetadata().after() != null;
		if (this.reversed) {
			Collections.reverse(organizations);
			boolean swap = towardsStart;
			towardsStart = towardsEnd;
			towardsEnd = swap;
		}
		List<Edge<Organization>> edges = organizations.stream()
			.<Edge<Organization>>map((organization) -> new DefaultEdge<>(organization,
					new DefaultConnectionCursor(OrganizationCursor.encode(organization.id()))))
			.toList();
		ConnectionCursor startCursor = edges.isEmpty() ? null : edges.get(0).getCursor();
		ConnectionCursor endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor();
		return new DefaultConnection<>(edges, new DefaultPageInfo(startCursor, endCursor, towardsStart, towardsEnd));
	}

}
