package com.organizationsgateway.workos;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /organizations}.
 *
 * @param data the organizations on this page, in the requested order
 * @param listMetadata the cursors to the neighbouring pages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkOsOrganizationList(@JsonProperty("data") @Nullable List<WorkOsOrganization> data,
		@JsonProperty("list_metadata") @Nullable ListMetadata listMetadata) {

	public WorkOsOrganizationList {
		data = (data != null) ? List.copyOf(data) : List.of();
		listMetadata = (listMetadata != null) ? listMetadata : new ListMetadata(null, null);
	}

	/**
	 * Cursors of a page: {@code before} is null at the start of the list, {@code after}
	 * at its end.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ListMetadata(@JsonProperty("before") @Nullable String before,
			@JsonProperty("after") @Nullable String after) {
	}

}
