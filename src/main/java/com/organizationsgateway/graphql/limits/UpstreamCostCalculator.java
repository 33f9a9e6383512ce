package com.organizationsgateway.graphql.limits;

import java.util.List;
import java.util.Set;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * Weighs fields by what they cost: a field that reads from the upstream costs 10, any
 * other 1, so that an alias bomb of upstream lookups is refused long before a wide but
 * harmless selection.
 */
final class UpstreamCostCalculator implements FieldComplexityCalculator {

	static final int UPSTREAM_FIELD_COST = 10;

	private static final Set<String> UPSTREAM_FIELDS = Set.of("organization", "organizations", "node",
			"organizationDomain");

	/**
	 * Fields of other types that read an organization, from the upstream when not cached.
	 */
	private static final Set<String> NESTED_UPSTREAM_FIELDS = Set.of("OrganizationDomain.organization",
			"RemoveOrganizationDomainPayload.organization");

	/**
	 * The fields whose cost depends on their arguments' values, which may come from
	 * variables: an operation using them is weighed anew for each request.
	 */
	static final Set<String> ARGUMENT_WEIGHED_FIELDS = Set.of("nodes", "_entities");

	@Override
	public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
		String parent = environment.getParentType().getName();
		if (!"Query".equals(parent)) {
			boolean upstream = NESTED_UPSTREAM_FIELDS.contains(parent + "." + environment.getField().getName());
			return (upstream ? UPSTREAM_FIELD_COST : 1) + childComplexity;
		}
		String name = environment.getField().getName();
		if (UPSTREAM_FIELDS.contains(name)) {
			return UPSTREAM_FIELD_COST + childComplexity;
		}
		if ("nodes".equals(name) && environment.getArguments().get("ids") instanceof List<?> ids) {
			return UPSTREAM_FIELD_COST * Math.max(1, ids.size()) + childComplexity;
		}
		// A federation router's entity lookup: one organization per representation.
		if ("_entities".equals(name) && environment.getArguments().get("representations") instanceof List<?> list) {
			return UPSTREAM_FIELD_COST * Math.max(1, list.size()) + childComplexity;
		}
		return 1 + childComplexity;
	}

}
