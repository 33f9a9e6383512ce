package com.organizationsgateway.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import graphql.execution.ResultPath;
import graphql.relay.Connection;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;

import com.organizationsgateway.graphql.Served;
import com.organizationsgateway.workos.WorkOsException;

/**
 * Lookups through the per-operation DataLoaders: organizations by key, where for the
 * {@code Node} fields an id that is not an organization's is simply absent (null, no
 * error, no upstream call), and pages of the list.
 */
final class OrganizationLoads {

	static final String LOADER = "organizations";

	static final String PAGES = "organizationPages";

	private OrganizationLoads() {
	}

	static DataLoader<OrganizationKey, Served<Organization>> loader(DataFetchingEnvironment environment) {
		return dataLoader(environment, LOADER);
	}

	/**
	 * One organization for the field {@code environment} resolves: from the cache when it
	 * is there, else through the DataLoader, noted if stale.
	 */
	static CompletableFuture<Organization> cachedOrLoaded(OrganizationService service,
			DataFetchingEnvironment environment, OrganizationKey key) {
		Organization cached = service.cached(key);
		return (cached != null) ? CompletableFuture.completedFuture(cached) : organization(environment, key);
	}

	/**
	 * A page for the field {@code environment} resolves: from the cache when it is there,
	 * else through the pages DataLoader, noted if stale. Either way a future, which
	 * Spring for GraphQL hands to graphql-java as it is; a {@code Mono} would cost a
	 * context snapshot and a subscription on every read.
	 */
	static CompletableFuture<Connection<Organization>> cachedOrLoaded(OrganizationService service,
			DataFetchingEnvironment environment, PageQuery query) {
		Connection<Organization> cached = service.cachedPage(query);
		return (cached != null) ? CompletableFuture.completedFuture(cached) : loaded(environment, PAGES, query);
	}

	/** One organization for the field {@code environment} resolves, noted if stale. */
	static CompletableFuture<Organization> organization(DataFetchingEnvironment environment, OrganizationKey key) {
		return loaded(environment, LOADER, key);
	}

	/**
	 * The value under a key of the named DataLoader, for the field {@code environment}
	 * resolves.
	 */
	private static <K, V> CompletableFuture<V> loaded(DataFetchingEnvironment environment, String name, K key) {
		return OrganizationLoads.<K, V>dataLoader(environment, name)
			.load(key)
			.thenApply((served) -> served.valueFor(environment));
	}

	private static <K, V> DataLoader<K, Served<V>> dataLoader(DataFetchingEnvironment environment, String name) {
		return Objects.requireNonNull(environment.getDataLoader(name), () -> "The DataLoader " + name + " is missing");
	}

	/** The organization holding a domain; null when its id is unknown. */
	static CompletableFuture<@Nullable Organization> holder(DataFetchingEnvironment environment,
			@Nullable String organizationId) {
		if (organizationId == null) {
			return CompletableFuture.completedFuture(null);
		}
		return organization(environment, new OrganizationKey.ById(organizationId)).thenApply((found) -> found);
	}

	static CompletableFuture<@Nullable Organization> node(DataFetchingEnvironment environment, String id) {
		return load(environment, id, environment.getExecutionStepInfo().getPath());
	}

	/**
	 * The organizations in order; one that does not exist is null at its position. Any
	 * other failure fails the field.
	 */
	static CompletableFuture<List<@Nullable Organization>> nodes(DataFetchingEnvironment environment,
			List<String> ids) {
		InputErrors errors = new InputErrors();
		InputRules.nodeIds(errors, "ids", ids);
		errors.throwIfAny();
		List<CompletableFuture<@Nullable Organization>> loads = new ArrayList<>();
		ResultPath path = environment.getExecutionStepInfo().getPath();
		for (int i = 0; i < ids.size(); i++) {
			loads.add(load(environment, ids.get(i), path.segment(i)).exceptionally(OrganizationLoads::nullIfNotFound));
		}
		return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
			.thenApply((done) -> loads.stream().map(CompletableFuture::join).toList());
	}

	private static CompletableFuture<@Nullable Organization> load(DataFetchingEnvironment environment, String id,
			ResultPath path) {
		if (!InputRules.isOrganizationId(id)) {
			return CompletableFuture.completedFuture(null);
		}
		return loader(environment).load(new OrganizationKey.ById(id))
			.thenApply((served) -> served.valueAt(environment, path));
	}

	private static @Nullable Organization nullIfNotFound(Throwable ex) {
		Throwable cause = ex;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof WorkOsException.NotFound) {
			return null;
		}
		throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
	}

}
