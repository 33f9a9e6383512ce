package com.organizationsgateway.organization;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import com.organizationsgateway.graphql.Served;
import com.organizationsgateway.graphql.errors.SubscriptionOverflowException;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.workos.WorkOsOrganization;

/**
 * What {@code Subscription.organizationChanged} delivers: the changes of
 * {@link OrganizationChanges#stream()}, each turned into an event once for all
 * subscribers, then filtered and buffered for each on its own. A change without the
 * organization's new state (a webhook names only the id) gets it through the cached read
 * path, which the change has just cleared, so the read is fresh.
 * <p>
 * Each subscriber has a buffer of {@code gateway.graphql.subscriptions.buffer-size}
 * changes; one that falls further behind is ended with an error rather than silently
 * skipped, and never holds up the others.
 */
class OrganizationChangeFeed {

	private static final Logger logger = LoggerFactory.getLogger(OrganizationChangeFeed.class);

	/**
	 * Changes waiting to be turned into events while a read of a new state is under way.
	 */
	private static final int PENDING_CHANGES = 1024;

	private final SubscriptionProperties properties;

	private final OrganizationService service;

	private final Flux<ResolvedChange> resolved;

	private final AtomicInteger subscribers = new AtomicInteger();

	OrganizationChangeFeed(OrganizationChanges changes, OrganizationService service,
			SubscriptionProperties properties) {
		this(changes, service, properties, Schedulers.parallel());
	}

	/**
	 * @param delivery where changes are turned into events and handed to subscribers: not
	 * on the thread that published the change, which holds the lock of
	 * {@link OrganizationChanges} and answers a mutation
	 */
	OrganizationChangeFeed(OrganizationChanges changes, OrganizationService service, SubscriptionProperties properties,
			Scheduler delivery) {
		this.properties = properties;
		this.service = service;
		// Shared and connected only while someone listens, so that nobody listening costs
		// no reads; concatMap keeps the order in which the changes were learnt.
		this.resolved = changes.stream()
			.filter((change) -> change.organizationId() != null && change.kind() != Kind.POSSIBLY_CHANGED)
			.map((change) -> new Learnt(change, Instant.now()))
			.onBackpressureBuffer(PENDING_CHANGES,
					(dropped) -> logger.warn("Subscribers miss a change to {}: too many changes waiting to be read",
							dropped.change().organizationId()),
					BufferOverflowStrategy.DROP_OLDEST)
			.publishOn(delivery)
			.concatMap(this::resolve)
			.publish()
			.refCount();
	}

	/** The changes that pass the filter, from now on, for one subscriber. */
	Flux<OrganizationChangeEvent> changes(ChangeFilter filter) {
		int bufferSize = this.properties.bufferSize();
		Flux<OrganizationChangeEvent> events = this.resolved.filter(filter.newMatcher())
			.map(ResolvedChange::event)
			.onBackpressureBuffer(bufferSize)
			.onErrorMap(Exceptions::isOverflow, (ex) -> new SubscriptionOverflowException(bufferSize))
			.doFinally((signal) -> this.subscribers.decrementAndGet());
		// Counted once subscribe() has returned, when the feed is connected to the
		// changes for a first subscriber too; counted in onSubscribe, a change published
		// as soon as the count rose could miss the subscriber. (One that cancels within
		// subscribe() is uncounted first, and the count is right once it returns.)
		return Flux.from((subscriber) -> {
			events.subscribe(subscriber);
			this.subscribers.incrementAndGet();
		});
	}

	/** Subscriptions currently listening, for the metrics and for tests to wait on. */
	int subscribers() {
		return this.subscribers.get();
	}

	private Mono<ResolvedChange> resolve(Learnt learnt) {
		OrganizationChange change = learnt.change();
		String id = change.organizationId();
		WorkOsOrganization snapshot = change.organization();
		if (change.kind() == Kind.DELETED) {
			return Mono.just(new ResolvedChange(
					new OrganizationChangeEvent(OrganizationChangeKind.DELETED, id, null,
							learnt.at().atOffset(ZoneOffset.UTC)),
					domains((snapshot != null) ? Organization.from(snapshot) : null)));
		}
		OrganizationChangeKind kind = (change.kind() == Kind.CREATED) ? OrganizationChangeKind.CREATED
				: OrganizationChangeKind.UPDATED;
		Mono<@Nullable Organization> organization = (snapshot != null) ? Mono.just(Organization.from(snapshot))
				: read(id);
		return organization.map((found) -> resolved(kind, id, found, learnt))
			.switchIfEmpty(Mono.fromSupplier(() -> resolved(kind, id, null, learnt)));
	}

	private Mono<Organization> read(String id) {
		return this.service.organization(new OrganizationKey.ById(id))
			.map(Served::value)
			.timeout(this.properties.readTimeout())
			.onErrorResume((ex) -> {
				logger.warn("Subscribers get a change to {} without its new state, which could not be read: {}", id,
						ex.getMessage());
				return Mono.empty();
			});
	}

	private static ResolvedChange resolved(OrganizationChangeKind kind, String id, @Nullable Organization organization,
			Learnt learnt) {
		Set<String> domains = new HashSet<>(domains(organization));
		OrganizationDomainChange changedDomain = learnt.change().domain();
		if (changedDomain != null && changedDomain.domain() != null) {
			// also the domain a change removed, which the organization no longer holds
			domains.add(changedDomain.domain().toLowerCase(Locale.ROOT));
		}
		return new ResolvedChange(new OrganizationChangeEvent(kind, id, organization,
				occurredAt(learnt, organization).atOffset(ZoneOffset.UTC)), domains);
	}

	/**
	 * The organization's new {@code updated_at}; for a change to one of its domains,
	 * which leaves that alone, the domain's, or for a removed domain when it was learnt.
	 */
	private static Instant occurredAt(Learnt learnt, @Nullable Organization organization) {
		OrganizationDomainChange domain = learnt.change().domain();
		if (domain != null) {
			return (domain.updatedAt() != null && !domain.removed()) ? domain.updatedAt() : learnt.at();
		}
		return (organization != null) ? organization.updatedAt().toInstant()
				: (learnt.change().updatedAt() != null) ? learnt.change().updatedAt() : learnt.at();
	}

	private static Set<String> domains(@Nullable Organization organization) {
		if (organization == null) {
			return Set.of();
		}
		return organization.domains()
			.stream()
			.map((domain) -> domain.domain().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	/** A change, and when this instance learnt of it. */
	private record Learnt(OrganizationChange change, Instant at) {

	}

}
