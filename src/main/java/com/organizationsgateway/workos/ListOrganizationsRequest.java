package com.organizationsgateway.workos;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Parameters of {@code GET /organizations}; null means "let WorkOS pick its default".
 *
 * @param domains organizations holding any of these domains
 * @param search free text matched against the name
 * @param limit page size, 1 to 100
 * @param order sort order by creation time
 * @param before the id of the object before which the page ends
 * @param after the id of the object after which the page starts
 */
public record ListOrganizationsRequest(@Nullable List<String> domains, @Nullable String search, @Nullable Integer limit,
		@Nullable ListOrder order, @Nullable String before, @Nullable String after) {

	public ListOrganizationsRequest {
		domains = (domains != null) ? List.copyOf(domains) : null;
	}

	/** The first page with WorkOS's defaults. */
	public static ListOrganizationsRequest firstPage() {
		return new ListOrganizationsRequest(null, null, null, null, null, null);
	}

}
