package com.organizationsgateway.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The in-memory organizations and their domains, with their unique indexes (external id,
 * Stripe customer id, domain, domain id). Every method holds one monitor, so a uniqueness
 * check and the write it guards are atomic under concurrent requests; the work is
 * in-memory and short, so holding it on an event-loop thread is acceptable.
 */
final class LocalOrganizationStore {

	private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final Clock clock;

	private final RandomGenerator random;

	private final UlidGenerator ids;

	private final ChangeListener listener;

	// sorted by id, which is creation order
	private final TreeMap<String, LocalOrganization> byId = new TreeMap<>();

	private final Map<String, String> idByExternalId = new HashMap<>();

	private final Map<String, String> idByStripeCustomerId = new HashMap<>();

	private final Map<String, String> idByDomain = new HashMap<>();

	private final Map<String, String> organizationIdByDomainId = new HashMap<>();

	/**
	 * @param listener told of every change to an organization or one of its domains under
	 * the store's lock, so in the order they happened
	 */
	LocalOrganizationStore(Clock clock, RandomGenerator random, ChangeListener listener) {
		this.clock = clock;
		this.random = random;
		this.ids = new UlidGenerator(random);
		this.listener = listener;
	}

	synchronized LocalOrganization create(OrganizationDraft draft) {
		LocalOrganization organization = seed(draft, now());
		this.listener.changed(ChangeListener.CREATED, organization);
		return organization;
	}

	/**
	 * Creates with a given creation time and tells no listener: the seeder uses it to
	 * spread its examples, which are the starting state rather than changes.
	 */
	synchronized LocalOrganization seed(OrganizationDraft draft, Instant createdAt) {
		Instant at = createdAt.truncatedTo(ChronoUnit.MILLIS);
		checkExternalIdFree(draft.externalId(), null);
		checkStripeCustomerIdFree(draft.stripeCustomerId(), null);
		draft.domains().forEach((request) -> checkDomainFree(request.domain(), null));
		String id = "org_" + this.ids.next(at.toEpochMilli());
		List<LocalDomain> domains = new ArrayList<>();
		for (DomainRequest request : draft.domains()) {
			domains.add(newDomain(id, request, at));
		}
		LocalOrganization organization = new LocalOrganization(id, draft.name(), domains, draft.metadata(),
				draft.externalId(), draft.stripeCustomerId(), at, at);
		index(organization);
		return organization;
	}

	synchronized Optional<LocalOrganization> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	synchronized Optional<LocalOrganization> findByExternalId(String externalId) {
		return Optional.ofNullable(this.idByExternalId.get(externalId)).map(this.byId::get);
	}

	synchronized OrganizationPage list(ListQuery query) {
		List<LocalOrganization> matching = this.byId.values().stream().filter(query::matches).toList();
		return Pager.page(matching, query);
	}

	synchronized LocalOrganization update(String id, OrganizationChanges changes) {
		LocalOrganization current = this.byId.get(id);
		if (current == null) {
			throw LocalApiException.notFound(id);
		}
		Instant now = now();
		String externalId = changes.externalId().present() ? changes.externalId().value() : current.externalId();
		String stripeCustomerId = changes.stripeCustomerId().present() ? changes.stripeCustomerId().value()
				: current.stripeCustomerId();
		Map<String, String> metadata = mergeMetadata(current.metadata(), changes.metadataPatch());
		MetadataRules.check(metadata);
		checkExternalIdFree(externalId, id);
		checkStripeCustomerIdFree(stripeCustomerId, id);
		List<LocalDomain> domains = current.domains();
		if (changes.domains() != null) {
			changes.domains().forEach((request) -> checkDomainFree(request.domain(), id));
			domains = replaceDomains(current, changes.domains(), now);
		}
		String name = (changes.name() != null) ? changes.name() : current.name();
		// updated_at moves forward with every update, even within one millisecond or if
		// the clock goes back: webhook consumers order changes by it and take an equal
		// one for a repeat
		Instant updatedAt = now.isAfter(current.updatedAt()) ? now : current.updatedAt().plusMillis(1);
		LocalOrganization updated = new LocalOrganization(id, name, domains, metadata, externalId, stripeCustomerId,
				current.createdAt(), updatedAt);
		unindex(current);
		index(updated);
		this.listener.changed(ChangeListener.UPDATED, updated);
		return updated;
	}

	synchronized boolean delete(String id) {
		LocalOrganization removed = this.byId.get(id);
		if (removed == null) {
			return false;
		}
		unindex(removed);
		this.listener.changed(ChangeListener.DELETED, removed);
		return true;
	}

	/**
	 * Adds a domain to an organization, pending DNS verification, as
	 * {@code POST /organization_domains} does.
	 * @throws LocalApiException 404 when the organization does not exist, 409 when an
	 * organization (this one or another) already holds the domain
	 */
	synchronized LocalDomain addDomain(String organizationId, String domain) {
		LocalOrganization current = this.byId.get(organizationId);
		if (current == null) {
			throw LocalApiException.notFound(organizationId);
		}
		String holder = this.idByDomain.get(domain);
		if (holder != null) {
			throw LocalApiException.domainExists(domain, holder.equals(organizationId));
		}
		LocalDomain added = newDomain(organizationId, new DomainRequest(domain, DomainState.PENDING), now());
		List<LocalDomain> domains = new ArrayList<>(current.domains());
		domains.add(added);
		replace(current, domains);
		this.listener.domainChanged(ChangeListener.DOMAIN_CREATED, added, null);
		return added;
	}

	synchronized Optional<LocalDomain> findDomain(String id) {
		return Optional.ofNullable(this.organizationIdByDomainId.get(id))
			.map(this.byId::get)
			.flatMap((organization) -> organization.domains()
				.stream()
				.filter((domain) -> domain.id().equals(id))
				.findFirst());
	}

	/**
	 * Runs the DNS check of {@code POST /organization_domains/{id}/verify}: a published
	 * record verifies the domain; without one, a pending domain stays pending until
	 * {@code period} has passed since its verification began and then fails, and a failed
	 * one starts over (pending again, unless the period is zero).
	 * @param published whether the domain's TXT record with its token is published
	 * @throws LocalApiException 404 for an unknown id, 400 for a verified domain
	 */
	synchronized LocalDomain verifyDomain(String id, Predicate<LocalDomain> published, Duration period) {
		LocalDomain domain = findDomain(id).orElseThrow(() -> LocalApiException.domainNotFound(id));
		if (domain.state() == DomainState.VERIFIED) {
			throw LocalApiException.badRequest("domain_already_verified", "Domain is already verified.");
		}
		Instant now = now();
		Instant at = domain.updatedAt().isBefore(now) ? now : domain.updatedAt().plusMillis(1);
		if (published.test(domain)) {
			return changeDomain(domain.withState(DomainState.VERIFIED, at, domain.verificationStartedAt()),
					ChangeListener.DOMAIN_VERIFIED, null);
		}
		Instant startedAt = (domain.state() == DomainState.FAILED || domain.verificationStartedAt() == null) ? now
				: domain.verificationStartedAt();
		boolean expired = !now.isBefore(startedAt.plus(period));
		if (domain.state() == DomainState.PENDING && expired) {
			return changeDomain(domain.withState(DomainState.FAILED, at, startedAt),
					ChangeListener.DOMAIN_VERIFICATION_FAILED, "domain_verification_period_expired");
		}
		if (domain.state() == DomainState.FAILED && !expired) {
			return changeDomain(domain.withState(DomainState.PENDING, at, startedAt), ChangeListener.DOMAIN_UPDATED,
					null);
		}
		return domain;
	}

	/**
	 * Removes a domain from its organization, as {@code DELETE
	 * /organization_domains/{id}} does.
	 * @throws LocalApiException 404 for an unknown id
	 */
	synchronized LocalDomain deleteDomain(String id) {
		LocalDomain removed = findDomain(id).orElseThrow(() -> LocalApiException.domainNotFound(id));
		LocalOrganization current = this.byId.get(removed.organizationId());
		replace(current, current.domains().stream().filter((domain) -> !domain.id().equals(id)).toList());
		this.listener.domainChanged(ChangeListener.DOMAIN_DELETED, removed, null);
		return removed;
	}

	private LocalDomain changeDomain(LocalDomain changed, String event, @Nullable String reason) {
		LocalOrganization current = this.byId.get(changed.organizationId());
		replace(current,
				current.domains()
					.stream()
					.map((domain) -> domain.id().equals(changed.id()) ? changed : domain)
					.toList());
		this.listener.domainChanged(event, changed, reason);
		return changed;
	}

	/**
	 * The organization with other domains. Its {@code updated_at} stays: the domain
	 * endpoints change domains, which carry their own timestamps and events.
	 */
	private void replace(LocalOrganization current, List<LocalDomain> domains) {
		unindex(current);
		index(new LocalOrganization(current.id(), current.name(), domains, current.metadata(), current.externalId(),
				current.stripeCustomerId(), current.createdAt(), current.updatedAt()));
	}

	/** Forgets everything; for tests that want an empty store. */
	synchronized void reset() {
		this.byId.clear();
		this.idByExternalId.clear();
		this.idByStripeCustomerId.clear();
		this.idByDomain.clear();
		this.organizationIdByDomainId.clear();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Map<String, String> mergeMetadata(Map<String, String> current,
			@Nullable Map<String, @Nullable String> patch) {
		if (patch == null) {
			return current;
		}
		if (patch.isEmpty()) {
			// documented: "metadata": {} deletes every key
			return Map.of();
		}
		Map<String, String> merged = new LinkedHashMap<>(current);
		patch.forEach((key, value) -> {
			if (value == null) {
				merged.remove(key);
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

	private List<LocalDomain> replaceDomains(LocalOrganization current, List<DomainRequest> requests, Instant now) {
		Map<String, LocalDomain> existing = new HashMap<>();
		current.domains().forEach((domain) -> existing.put(domain.domain(), domain));
		List<LocalDomain> domains = new ArrayList<>();
		for (DomainRequest request : requests) {
			LocalDomain kept = existing.get(request.domain());
			if (kept == null) {
				domains.add(newDomain(current.id(), request, now));
			}
			else if (kept.state() == request.state()) {
				domains.add(kept);
			}
			else {
				// same domain, new state: keep its identity, redo the verification fields
				LocalDomain fresh = newDomain(current.id(), request, now);
				domains.add(new LocalDomain(kept.id(), kept.organizationId(), kept.domain(), request.state(),
						fresh.verificationStrategy(), fresh.verificationToken(), fresh.verificationPrefix(),
						kept.createdAt(), now, fresh.verificationStartedAt()));
			}
		}
		return domains;
	}

	private LocalDomain newDomain(String organizationId, DomainRequest request, Instant at) {
		boolean pending = request.state() == DomainState.PENDING;
		return new LocalDomain("org_domain_" + this.ids.next(at.toEpochMilli()), organizationId, request.domain(),
				request.state(), pending ? LocalDomain.DNS : LocalDomain.MANUAL,
				pending ? randomString(TOKEN_ALPHABET, 25) : null,
				pending ? "superapp-domain-verification-" + randomString(PREFIX_ALPHABET, 6) : null, at, at,
				pending ? at : null);
	}

	private String randomString(String alphabet, int length) {
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return builder.toString();
	}

	private void checkExternalIdFree(@Nullable String externalId, @Nullable String ownerId) {
		if (externalId != null && isHeldByOther(this.idByExternalId.get(externalId), ownerId)) {
			throw LocalApiException.badRequest("external_id_already_used",
					"An Organization with the external_id '" + externalId + "' already exists.");
		}
	}

	private void checkStripeCustomerIdFree(@Nullable String stripeCustomerId, @Nullable String ownerId) {
		if (stripeCustomerId != null && isHeldByOther(this.idByStripeCustomerId.get(stripeCustomerId), ownerId)) {
			throw LocalApiException.coded(HttpStatus.BAD_REQUEST, "stripe_customer_id_already_used",
					"Another Organization already uses the stripe_customer_id '" + stripeCustomerId + "'.");
		}
	}

	private void checkDomainFree(String domain, @Nullable String ownerId) {
		if (isHeldByOther(this.idByDomain.get(domain), ownerId)) {
			throw LocalApiException.domainUsed(domain);
		}
	}

	private static boolean isHeldByOther(@Nullable String holderId, @Nullable String ownerId) {
		return holderId != null && !Objects.equals(holderId, ownerId);
	}

	private void index(LocalOrganization organization) {
		this.byId.put(organization.id(), organization);
		if (organization.externalId() != null) {
			this.idByExternalId.put(organization.externalId(), organization.id());
		}
		if (organization.stripeCustomerId() != null) {
			this.idByStripeCustomerId.put(organization.stripeCustomerId(), organization.id());
		}
		organization.domains().forEach((domain) -> {
			this.idByDomain.put(domain.domain(), organization.id());
			this.organizationIdByDomainId.put(domain.id(), organization.id());
		});
	}

	private void unindex(LocalOrganization organization) {
		this.byId.remove(organization.id());
		if (organization.externalId() != null) {
			this.idByExternalId.remove(organization.externalId());
		}
		if (organization.stripeCustomerId() != null) {
			this.idByStripeCustomerId.remove(organization.stripeCustomerId());
		}
		organization.domains().forEach((domain) -> {
			this.idByDomain.remove(domain.domain());
			this.organizationIdByDomainId.remove(domain.id());
		});
	}

}
