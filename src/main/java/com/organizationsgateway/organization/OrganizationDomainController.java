package com.organizationsgateway.organization;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The organization domains part of the schema; each handler delegates in one line. The
 * organization of a domain is read through the organizations' DataLoader and cache.
 */
@Controller
class OrganizationDomainController {

	private final OrganizationDomainService service;

	OrganizationDomainController(OrganizationDomainService service) {
		this.service = service;
	}

	@QueryMapping
	Mono<OrganizationDomain> organizationDomain(@Argument String id) {
		return this.service.organizationDomain(id);
	}

	@MutationMapping
	Mono<AddOrganizationDomainPayload> addOrganizationDomain(@Argument AddOrganizationDomainInput input) {
		return this.service.addOrganizationDomain(input);
	}

	@MutationMapping
	Mono<VerifyOrganizationDomainPayload> verifyOrganizationDomain(@Argument VerifyOrganizationDomainInput input) {
		return this.service.verifyOrganizationDomain(input);
	}

	@MutationMapping
	Mono<RemoveOrganizationDomainPayload> removeOrganizationDomain(@Argument RemoveOrganizationDomainInput input) {
		return this.service.removeOrganizationDomain(input);
	}

	@SchemaMapping(typeName = "OrganizationDomain")
	CompletableFuture<@Nullable Organization> organization(OrganizationDomain domain,
			DataFetchingEnvironment environment) {
		return OrganizationLoads.holder(environment, domain.organizationId());
	}

	@SchemaMapping(typeName = "RemoveOrganizationDomainPayload")
	CompletableFuture<@Nullable Organization> organization(RemoveOrganizationDomainPayload payload,
			DataFetchingEnvironment environment) {
		return OrganizationLoads.holder(environment, payload.organizationId());
	}

}
