package com.organizationsgateway.organization;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The arguments of {@code organizationChanged}, validated as the queries' are: an
 * organization id, and domains a subscriber watches.
 *
 * @param id only this organization, when not null
 * @param domains only organizations that held or hold any of these (lower-cased), when
 * not null
 */
record ChangeFilter(@Nullable String id, @Nullable Set<String> domains) {

	/**
	 * Organizations one subscription remembers having matched its domains, so that it
	 * still hears of them after they lose the domain; beyond this, the oldest are
	 * forgotten.
	 */
	static final int REMEMBERED_MATCHES = 10_000;

	ChangeFilter {
		domains = (domains != null) ? Set.copyOf(domains) : null;
	}

	static ChangeFilter of(@Nullable String id, @Nullable List<String> domains) {
		InputErrors errors = new InputErrors();
		if (id != null) {
			InputRules.organizationId(errors, "id", id);
		}
		InputRules.domainFilter(errors, "domains", domains);
		errors.throwIfAny();
		return new ChangeFilter(id, (domains != null)
				? domains.stream().map((domain) -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()) : null);
	}

	/**
	 * A matcher for one subscription. It remembers the organizations that matched the
	 * domains, so it is not to be shared; the changes of one stream reach it one at a
	 * time.
	 */
	Predicate<ResolvedChange> newMatcher() {
		Set<String> watched = this.domains;
		if (watched == null) {
			return this::matchesId;
		}
		Set<String> matchedBefore = Collections.newSetFromMap(new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > REMEMBERED_MATCHES;
			}

		});
		return (change) -> {
			if (!matchesId(change)) {
				return false;
			}
			String organizationId = change.event().organizationId();
			boolean holds = change.domains().stream().anyMatch(watched::contains);
			boolean held = matchedBefore.contains(organizationId);
			if (holds) {
				matchedBefore.add(organizationId);
			}
			return holds || held;
		};
	}

	private boolean matchesId(ResolvedChange change) {
		return this.id == null || this.id.equals(change.event().organizationId());
	}

}
