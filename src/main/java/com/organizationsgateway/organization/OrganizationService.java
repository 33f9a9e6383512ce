package com.organizationsgateway.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import graphql.relay.Connection;
import org.dataloader.Try;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.Served;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.workos.CreateOrganizationRequest;
import com.organizationsgateway.workos.DomainData;
import com.organizationsgateway.workos.FieldUpdate;
import com.organizationsgateway.workos.UpdateOrganizationRequest;
import com.organizationsgateway.workos.WorkOsClient;
import com.organizationsgateway.workos.WorkOsOrganization;
import com.organizationsgateway.workos.WorkOsOrganizationList;

import org.springframework.graphql.data.ArgumentValue;

/**
 * Organizations for the GraphQL API: validates every input before any upstream call,
 * reads through the cache, and invalidates it after every write. Reads fall back to a
 * stale copy while the upstream fails; writes never do.
 */
class OrganizationService {

	private final WorkOsClient client;

	private final OrganizationCache cache;

	private final OrganizationChanges changes;

	OrganizationService(WorkOsClient client, OrganizationCache cache, OrganizationChanges changes) {
		this.client = client;
		this.cache = cache;
		this.changes = changes;
	}

	/**
	 * One organization by key, from the cache when it holds it; while the upstream fails,
	 * from a stale copy within the grace period.
	 */
	Mono<Served<Organization>> organization(OrganizationKey key) {
		Function<String, Mono<WorkOsOrganization>> loader = (key instanceof OrganizationKey.ById)
				? this.client::getOrganization : this.client::getOrganizationByExternalId;
		return withStaleIfError(this.cache.get(key, loader), () -> this.cache.stale(key))
			.map((served) -> mapServed(served, Organization::from));
	}

	/**
	 * The organization under this key when the cache holds it fresh, else null: the
	 * answer for a warm read without a DataLoader round trip, which only pays off when an
	 * upstream call may follow.
	 */
	@Nullable Organization cached(OrganizationKey key) {
		WorkOsOrganization organization = this.cache.fresh(key);
		return (organization != null) ? Organization.from(organization) : null;
	}

	/**
	 * The DataLoader's batch: WorkOS has no batch endpoint, so each unique key goes to
	 * the cache on its own; a failure affects only its key.
	 */
	Mono<Map<OrganizationKey, Try<Served<Organization>>>> organizations(Set<OrganizationKey> keys) {
		return eachOnItsOwn(keys, this::organization);
	}

	/** A page of organizations as a Relay connection; stale-if-error as for one. */
	Mono<Served<Connection<Organization>>> organizations(PageQuery query) {
		return withStaleIfError(this.cache.getPage(query.request(), this.client::listOrganizations),
				() -> this.cache.stalePage(query.request()))
			.map((served) -> mapServed(served, query::toConnection));
	}

	/**
	 * The page when the cache holds it fresh, else null: as {@link #cached}, for lists.
	 */
	@Nullable Connection<Organization> cachedPage(PageQuery query) {
		WorkOsOrganizationList page = this.cache.freshPage(query.request());
		return (page != null) ? query.toConnection(page) : null;
	}

	/**
	 * The pages DataLoader's batch: each query on its own, a failure affecting only it.
	 */
	Mono<Map<PageQuery, Try<Served<Connection<Organization>>>>> pages(Set<PageQuery> queries) {
		return eachOnItsOwn(queries, this::organizations);
	}

	private static <K, V> Mono<Map<K, Try<V>>> eachOnItsOwn(Set<K> keys, Function<K, Mono<V>> load) {
		return Flux.fromIterable(keys)
			.flatMap((key) -> load.apply(key)
				.map(Try::succeeded)
				.onErrorResume((ex) -> Mono.just(Try.failed(ex)))
				.map((result) -> Map.entry(key, result)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static <T> Mono<Served<T>> withStaleIfError(Mono<T> fresh, Supplier<EntryStore.@Nullable Stale<T>> stale) {
		return fresh.map(Served::fresh).onErrorResume(StaleIfError::applies, (ex) -> {
			EntryStore.Stale<T> copy = stale.get();
			return (copy != null) ? Mono.just(Served.stale(copy.value(), copy.age())) : Mono.error(ex);
		});
	}

	private static <T, R> Served<R> mapServed(Served<T> served, Function<T, R> mapper) {
		return new Served<>(mapper.apply(served.value()), served.staleAge());
	}

	Mono<CreateOrganizationPayload> createOrganization(CreateOrganizationInput input) {
		InputErrors errors = new InputErrors();
		InputRules.name(errors, "input.name", input.name());
		InputRules.domainData(errors, "input.domainData", input.domainData());
		if (input.externalId() != null) {
			InputRules.externalId(errors, "input.externalId", input.externalId());
		}
		InputRules.metadata(errors, "input.metadata", input.metadata(), false);
		InputRules.idempotencyKey(errors, "input.idempotencyKey", input.idempotencyKey());
		errors.throwIfAny();
		CreateOrganizationRequest request = new CreateOrganizationRequest(input.name(), domainData(input.domainData()),
				input.externalId(), metadata(input.metadata()));
		List<String> externalIds = externalIds(input.externalId());
		// Always keyed, so that the client may safely retry a create whose answer was
		// lost:
		// WorkOS replays the first result instead of creating a second organization.
		String idempotencyKey = (input.idempotencyKey() != null) ? input.idempotencyKey()
				: UUID.randomUUID().toString();
		return this.client.createOrganization(request, idempotencyKey)
			.doOnSuccess((created) -> publish(Kind.CREATED, created.id(), externalIds(created.externalId()), created))
			// A failed create may still have happened upstream, so lists are
			// dropped anyway.
			.doOnError((ex) -> publish(Kind.POSSIBLY_CHANGED, null, externalIds, null))
			.map((created) -> new CreateOrganizationPayload(Organization.from(created)));
	}

	Mono<UpdateOrganizationPayload> updateOrganization(UpdateOrganizationInput input) {
		InputErrors errors = new InputErrors();
		InputRules.organizationId(errors, "input.id", input.id());
		if (input.name() != null) {
			InputRules.name(errors, "input.name", input.name());
		}
		InputRules.domainData(errors, "input.domainData", input.domainData());
		if (input.externalId().isPresent()) {
			InputRules.externalId(errors, "input.externalId", input.externalId().value());
		}
		if (input.stripeCustomerId().isPresent()) {
			InputRules.stripeCustomerId(errors, "input.stripeCustomerId", input.stripeCustomerId().value());
		}
		InputRules.metadata(errors, "input.metadata", input.metadata(), true);
		errors.throwIfAny();
		// WorkOS reads "metadata": {} as "delete every key"; an empty list of changes
		// must change nothing, so it is left out.
		List<MetadataEntryInput> metadataChanges = (input.metadata() != null && !input.metadata().isEmpty())
				? input.metadata() : null;
		UpdateOrganizationRequest request = new UpdateOrganizationRequest(input.name(), domainData(input.domainData()),
				fieldUpdate(input.externalId()), fieldUpdate(input.stripeCustomerId()), metadata(metadataChanges));
		// The old external id goes with the entry under the id; the new one may point at
		// another organization's stale entry.
		List<String> requestedExternalIds = externalIds(input.externalId().value());
		return this.client.updateOrganization(input.id(), request)
			.doOnSuccess((updated) -> publish(Kind.UPDATED, input.id(),
					merge(requestedExternalIds, externalIds(updated.externalId())), updated))
			.doOnError((ex) -> publish(Kind.POSSIBLY_CHANGED, input.id(), requestedExternalIds, null))
			.map((updated) -> new UpdateOrganizationPayload(Organization.from(updated)));
	}

	Mono<DeleteOrganizationPayload> deleteOrganization(DeleteOrganizationInput input) {
		InputErrors errors = new InputErrors();
		InputRules.organizationId(errors, "input.id", input.id());
		errors.throwIfAny();
		return Mono.defer(() -> {
			// Taken before the call, so that subscribers learn which domains it had.
			WorkOsOrganization lastSeen = this.cache.peek(input.id());
			return this.client.deleteOrganization(input.id())
				.doOnSuccess((done) -> publish(Kind.DELETED, input.id(), List.of(), lastSeen))
				.doOnError((ex) -> publish(Kind.POSSIBLY_CHANGED, input.id(), List.of(), null))
				.thenReturn(new DeleteOrganizationPayload(input.id()));
		});
	}

	/**
	 * Called after the upstream answered and before the client hears of it; the cache
	 * forgets synchronously, so the client reads its own write.
	 */
	private void publish(Kind kind, @Nullable String id, List<String> externalIds,
			@Nullable WorkOsOrganization organization) {
		Instant updatedAt = (kind != Kind.DELETED && organization != null) ? organization.updatedAt() : null;
		this.changes.publish(new OrganizationChange(id, kind, Set.copyOf(externalIds), updatedAt, organization,
				OrganizationChange.Origin.GATEWAY));
	}

	private static @Nullable List<DomainData> domainData(@Nullable List<DomainDataInput> domainData) {
		return (domainData != null) ? domainData.stream().map(DomainDataInput::toWire).toList() : null;
	}

	/** Entries in input order; on update a null value tells WorkOS to delete the key. */
	private static @Nullable Map<String, @Nullable String> metadata(@Nullable List<MetadataEntryInput> metadata) {
		if (metadata == null) {
			return null;
		}
		Map<String, @Nullable String> map = new LinkedHashMap<>();
		metadata.forEach((entry) -> map.put(entry.key(), entry.value()));
		return map;
	}

	private static <T> FieldUpdate<T> fieldUpdate(ArgumentValue<T> value) {
		return value.isOmitted() ? FieldUpdate.keep() : FieldUpdate.set(value.value());
	}

	private static List<String> externalIds(@Nullable String externalId) {
		return (externalId != null) ? List.of(externalId) : List.of();
	}

	private static List<String> merge(List<String> first, List<String> second) {
		List<String> merged = new ArrayList<>(first);
		merged.addAll(second);
		return merged;
	}

}
