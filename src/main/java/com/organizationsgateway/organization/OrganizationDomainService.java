package com.organizationsgateway.organization;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;
import com.organizationsgateway.workos.CreateOrganizationDomainRequest;
import com.organizationsgateway.workos.WorkOsClient;
import com.organizationsgateway.workos.WorkOsDomain;

/**
 * Domains of organizations for the GraphQL API: validates every input before any upstream
 * call, and after every change tells {@link OrganizationChanges} which organization
 * changed, so that this instance's cache (and through Redis the others') forgets it
 * before the client hears back, and subscribers hear of it once. Domains themselves are
 * not cached: they are read while a verification is awaited.
 */
class OrganizationDomainService {

	private final WorkOsClient client;

	private final OrganizationChanges changes;

	OrganizationDomainService(WorkOsClient client, OrganizationChanges changes) {
		this.client = client;
		this.changes = changes;
	}

	Mono<OrganizationDomain> organizationDomain(String id) {
		InputErrors errors = new InputErrors();
		InputRules.organizationDomainId(errors, "id", id);
		errors.throwIfAny();
		return this.client.getOrganizationDomain(id).map(OrganizationDomain::from);
	}

	Mono<AddOrganizationDomainPayload> addOrganizationDomain(AddOrganizationDomainInput input) {
		InputErrors errors = new InputErrors();
		InputRules.organizationId(errors, "input.organizationId", input.organizationId());
		InputRules.domain(errors, "input.domain", input.domain());
		errors.throwIfAny();
		CreateOrganizationDomainRequest request = new CreateOrganizationDomainRequest(input.organizationId(),
				input.domain());
		// Keyed, so that the client may retry an add whose answer was lost.
		return this.client.createOrganizationDomain(request, UUID.randomUUID().toString())
			.doOnSuccess((added) -> publish(added, input.organizationId(), false))
			// A failed add may still have happened upstream.
			.doOnError((ex) -> possiblyChanged(input.organizationId()))
			.map((added) -> new AddOrganizationDomainPayload(OrganizationDomain.from(added, input.organizationId())));
	}

	Mono<VerifyOrganizationDomainPayload> verifyOrganizationDomain(VerifyOrganizationDomainInput input) {
		InputErrors errors = new InputErrors();
		InputRules.organizationDomainId(errors, "input.id", input.id());
		errors.throwIfAny();
		return this.client.verifyOrganizationDomain(input.id())
			.doOnSuccess((checked) -> publish(checked, null, false))
			.doOnError((ex) -> possiblyChanged(null))
			.map((checked) -> new VerifyOrganizationDomainPayload(OrganizationDomain.from(checked)));
	}

	/**
	 * Reads the domain first: WorkOS's delete answers without a body, and the gateway
	 * must know which organization to forget.
	 */
	Mono<RemoveOrganizationDomainPayload> removeOrganizationDomain(RemoveOrganizationDomainInput input) {
		InputErrors errors = new InputErrors();
		InputRules.organizationDomainId(errors, "input.id", input.id());
		errors.throwIfAny();
		return this.client.getOrganizationDomain(input.id())
			.flatMap((domain) -> this.client.deleteOrganizationDomain(input.id())
				.doOnSuccess((done) -> publish(domain, null, true))
				.doOnError((ex) -> possiblyChanged(domain.organizationId()))
				.thenReturn(new RemoveOrganizationDomainPayload(input.id(), domain.organizationId())));
	}

	/**
	 * Called after the upstream answered and before the client hears of it; the cache
	 * forgets synchronously, so the client reads its own write.
	 */
	private void publish(WorkOsDomain domain, @Nullable String organizationId, boolean removed) {
		String holder = (domain.organizationId() != null) ? domain.organizationId() : organizationId;
		if (holder == null) {
			possiblyChanged(null);
			return;
		}
		this.changes.publish(OrganizationChange.ofDomain(holder,
				new OrganizationDomainChange(domain.id(), domain.domain(), domain.updatedAt(), removed),
				Origin.GATEWAY));
	}

	/**
	 * Caches forget the organization (with no id known, every list page); subscribers are
	 * not told of a change that may not exist.
	 */
	private void possiblyChanged(@Nullable String organizationId) {
		this.changes.publish(
				new OrganizationChange(organizationId, Kind.POSSIBLY_CHANGED, Set.of(), null, null, Origin.GATEWAY));
	}

}
