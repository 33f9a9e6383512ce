package com.organizationsgateway.webhook;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.organization.OrganizationChange;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;
import com.organizationsgateway.organization.OrganizationDomainChange;
import com.organizationsgateway.workos.WorkOsDomain;
import com.organizationsgateway.workos.WorkOsOrganization;

/**
 * Reads a verified WorkOS event into the change it means for the gateway.
 * {@code organization.*} events carry the organization; {@code organization_domain.*}
 * events carry the domain, which names the organization whose cache entries go, and are
 * ordered by the domain's own {@code updated_at}.
 */
final class WebhookEvents {

	private static final int MAX_ID_LENGTH = 255;

	private final JsonMapper jsonMapper;

	WebhookEvents(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/** The event's envelope, or null when the body is not a WorkOS event. */
	@Nullable Event read(byte[] body) {
		JsonNode tree;
		try {
			tree = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (tree == null || !tree.isObject()) {
			return null;
		}
		String id = text(tree.get("id"));
		String type = text(tree.get("event"));
		JsonNode data = tree.get("data");
		if (id == null || id.length() > MAX_ID_LENGTH || type == null || data == null || !data.isObject()) {
			return null;
		}
		return new Event(id, type, data);
	}

	/**
	 * The change an event means, {@link Translation#ignored()} for a type the gateway has
	 * no use for, or null when its data is not what its type promises.
	 */
	@Nullable Translation translate(Event event) {
		return switch (event.type()) {
			case "organization.created" -> organization(Kind.CREATED, event.data());
			case "organization.updated" -> organization(Kind.UPDATED, event.data());
			case "organization.deleted" -> organization(Kind.DELETED, event.data());
			case "organization_domain.created", "organization_domain.updated", "organization_domain.verified" ->
				domain(event.data(), false);
			case "organization_domain.deleted" -> domain(event.data(), true);
			case "organization_domain.verification_failed" -> {
				JsonNode domain = event.data().get("organization_domain");
				yield domain != null && domain.isObject() ? domain(domain, false) : null;
			}
			default -> Translation.ignored();
		};
	}

	private @Nullable Translation organization(Kind kind, JsonNode data) {
		WorkOsOrganization organization;
		try {
			organization = this.jsonMapper.treeToValue(data, WorkOsOrganization.class);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (organization == null || text(data.get("id")) == null) {
			return null;
		}
		Set<String> externalIds = (organization.externalId() != null) ? Set.of(organization.externalId()) : Set.of();
		// as for a deletion through the gateway: a tombstone needs no timestamp
		return Translation.of(new OrganizationChange(organization.id(), kind, externalIds,
				(kind == Kind.DELETED) ? null : organization.updatedAt(), organization, Origin.WEBHOOK));
	}

	/**
	 * A change to one domain: ordered by the domain's own {@code updated_at}, so that the
	 * webhook of a change the gateway made itself is taken for the repeat it is.
	 */
	private @Nullable Translation domain(JsonNode data, boolean removed) {
		WorkOsDomain domain;
		try {
			domain = this.jsonMapper.treeToValue(data, WorkOsDomain.class);
		}
		catch (JacksonException ex) {
			return null;
		}
		String organizationId = text(data.get("organization_id"));
		if (domain == null || organizationId == null) {
			return null;
		}
		String domainId = text(data.get("id"));
		if (domainId == null) {
			// Unordered: always applied, which costs at most one reload.
			return Translation
				.of(new OrganizationChange(organizationId, Kind.UPDATED, Set.of(), null, null, Origin.WEBHOOK));
		}
		return Translation.of(OrganizationChange.ofDomain(organizationId,
				new OrganizationDomainChange(domainId, text(data.get("domain")), domain.updatedAt(), removed),
				Origin.WEBHOOK));
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString() && !node.stringValue().isBlank()) ? node.stringValue() : null;
	}

	/** A signed event's envelope. */
	record Event(String id, String type, JsonNode data) {

	}

	/** The change an event means; null for an event the gateway ignores. */
	record Translation(@Nullable OrganizationChange change) {

		static Translation of(OrganizationChange change) {
			return new Translation(change);
		}

		static Translation ignored() {
			return new Translation(null);
		}

	}

}
