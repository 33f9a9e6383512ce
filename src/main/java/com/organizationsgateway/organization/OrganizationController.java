package com.organizationsgateway.organization;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.relay.Connection;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.Try;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.Served;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The organizations part of the schema; each handler delegates in one line. Lookups of
 * organizations and pages that the cache cannot answer go through DataLoaders, so
 * repeated ids or pages within one operation cost one load.
 */
@Controller
class OrganizationController {

	private final OrganizationService service;

	private final OrganizationChangeFeed feed;

	OrganizationController(OrganizationService service, OrganizationChangeFeed feed, BatchLoaderRegistry registry) {
		this.service = service;
		this.feed = feed;
		// Values are Try, so that a missing organization fails only its own key; the
		// DataLoader unwraps them.
		registry.<OrganizationKey, Try<Served<Organization>>>forName(OrganizationLoads.LOADER)
			.registerMappedBatchLoader((keys, environment) -> service.organizations(keys));
		registry.<PageQuery, Try<Served<Connection<Organization>>>>forName(OrganizationLoads.PAGES)
			.registerMappedBatchLoader((queries, environment) -> service.pages(queries));
	}

	@QueryMapping
	CompletableFuture<Organization> organization(@Argument @Nullable String id, @Argument @Nullable String externalId,
			DataFetchingEnvironment environment) {
		return OrganizationLoads.cachedOrLoaded(this.service, environment, OrganizationKey.of(id, externalId));
	}

	@QueryMapping
	CompletableFuture<Connection<Organization>> organizations(@Argument @Nullable List<String> domains,
			@Argument @Nullable String search, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @Argument @Nullable SortOrder order,
			DataFetchingEnvironment environment) {
		return OrganizationLoads.cachedOrLoaded(this.service, environment,
				PageQuery.of(domains, search, first, after, last, before, order));
	}

	@QueryMapping
	CompletableFuture<@Nullable Organization> node(@Argument String id, DataFetchingEnvironment environment) {
		Organization cached = InputRules.isOrganizationId(id) ? this.service.cached(new OrganizationKey.ById(id))
				: null;
		return (cached != null) ? CompletableFuture.completedFuture(cached) : OrganizationLoads.node(environment, id);
	}

	@QueryMapping
	CompletableFuture<List<@Nullable Organization>> nodes(@Argument List<String> ids,
			DataFetchingEnvironment environment) {
		return OrganizationLoads.nodes(environment, ids);
	}

	@SchemaMapping(typeName = "Organization")
	List<MetadataEntry> metadata(Organization organization, @Argument @Nullable List<String> keys) {
		return organization.metadata(keys);
	}

	@MutationMapping
	Mono<CreateOrganizationPayload> createOrganization(@Argument CreateOrganizationInput input) {
		return this.service.createOrganization(input);
	}

	@MutationMapping
	Mono<UpdateOrganizationPayload> updateOrganization(@Argument UpdateOrganizationInput input) {
		return this.service.updateOrganization(input);
	}

	@MutationMapping
	Mono<DeleteOrganizationPayload> deleteOrganization(@Argument DeleteOrganizationInput input) {
		return this.service.deleteOrganization(input);
	}

	@SubscriptionMapping
	Flux<OrganizationChangeEvent> organizationChanged(@Argument @Nullable String id,
			@Argument @Nullable List<String> domains) {
		return this.feed.changes(ChangeFilter.of(id, domains));
	}

}
