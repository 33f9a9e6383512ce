package com.organizationsgateway.local;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of organizations with the cursors of {@code list_metadata}.
 *
 * @param data the page, in the requested order
 * @param before the value to pass as {@code before} to get the neighbouring page, or null
 * @param after the value to pass as {@code after} to get the next page, or null
 */
record OrganizationPage(List<LocalOrganization> data, @Nullable String before, @Nullable String after) {

	OrganizationPage {
		data = List.copyOf(data);
	}

}
