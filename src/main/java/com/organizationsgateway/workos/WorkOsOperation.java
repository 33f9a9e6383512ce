package com.organizationsgateway.workos;

import org.springframework.http.HttpMethod;

/**
 * The client's calls, told apart by method and path, with the URI template that stands
 * for them in metrics and logs: ids never become tag values, so the number of time series
 * stays fixed.
 */
public enum WorkOsOperation {

	/** {@code GET /organizations/{id}}. */
	GET_ORGANIZATION("getOrganization", "/organizations/{id}"),

	/** {@code GET /organizations/external_id/{external_id}}. */
	GET_ORGANIZATION_BY_EXTERNAL_ID("getOrganizationByExternalId", "/organizations/external_id/{external_id}"),

	/** {@code GET /organizations}. */
	LIST_ORGANIZATIONS("listOrganizations", "/organizations"),

	/** {@code POST /organizations}. */
	CREATE_ORGANIZATION("createOrganization", "/organizations"),

	/** {@code PUT /organizations/{id}}. */
	UPDATE_ORGANIZATION("updateOrganization", "/organizations/{id}"),

	/** {@code DELETE /organizations/{id}}. */
	DELETE_ORGANIZATION("deleteOrganization", "/organizations/{id}"),

	/** {@code GET /organization_domains/{id}}. */
	GET_ORGANIZATION_DOMAIN("getOrganizationDomain", "/organization_domains/{id}"),

	/** {@code POST /organization_domains}. */
	CREATE_ORGANIZATION_DOMAIN("createOrganizationDomain", "/organization_domains"),

	/** {@code POST /organization_domains/{id}/verify}. */
	VERIFY_ORGANIZATION_DOMAIN("verifyOrganizationDomain", "/organization_domains/{id}/verify"),

	/** {@code DELETE /organization_domains/{id}}. */
	DELETE_ORGANIZATION_DOMAIN("deleteOrganizationDomain", "/organization_domains/{id}"),

	/** Anything else; the client sends nothing else. */
	OTHER("other", "UNKNOWN");

	private final String tag;

	private final String uriTemplate;

	WorkOsOperation(String tag, String uriTemplate) {
		this.tag = tag;
		this.uriTemplate = uriTemplate;
	}

	/** The operation's name, as the client method is named. */
	public String tag() {
		return this.tag;
	}

	/** The path with its variable parts as placeholders. */
	public String uriTemplate() {
		return this.uriTemplate;
	}

	/** The operation of a request the client made, from its method and raw path. */
	public static WorkOsOperation of(HttpMethod method, String rawPath) {
		String[] segments = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : rawPath.split("/", -1);
		if (segments.length > 0 && "organization_domains".equals(segments[0])) {
			return domainOperation(method, segments);
		}
		if (segments.length == 0 || !"organizations".equals(segments[0])) {
			return OTHER;
		}
		if (segments.length == 1) {
			return method.equals(HttpMethod.GET) ? LIST_ORGANIZATIONS
					: method.equals(HttpMethod.POST) ? CREATE_ORGANIZATION : OTHER;
		}
		if (segments.length == 3 && "external_id".equals(segments[1]) && method.equals(HttpMethod.GET)) {
			return GET_ORGANIZATION_BY_EXTERNAL_ID;
		}
		if (segments.length == 2) {
			return method.equals(HttpMethod.GET) ? GET_ORGANIZATION : method.equals(HttpMethod.PUT)
					? UPDATE_ORGANIZATION : method.equals(HttpMethod.DELETE) ? DELETE_ORGANIZATION : OTHER;
		}
		return OTHER;
	}

	private static WorkOsOperation domainOperation(HttpMethod method, String[] segments) {
		if (segments.length == 1) {
			return method.equals(HttpMethod.POST) ? CREATE_ORGANIZATION_DOMAIN : OTHER;
		}
		if (segments.length == 2) {
			return method.equals(HttpMethod.GET) ? GET_ORGANIZATION_DOMAIN
					: method.equals(HttpMethod.DELETE) ? DELETE_ORGANIZATION_DOMAIN : OTHER;
		}
		if (segments.length == 3 && "verify".equals(segments[2]) && method.equals(HttpMethod.POST)) {
			return VERIFY_ORGANIZATION_DOMAIN;
		}
		return OTHER;
	}

}
