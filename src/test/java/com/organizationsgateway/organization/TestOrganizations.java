package com.organizationsgateway.organization;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.workos.WorkOsDomain;
import com.organizationsgateway.workos.WorkOsDomainState;
import com.organizationsgateway.workos.WorkOsOrganization;
import com.organizationsgateway.workos.WorkOsVerificationStrategy;

/**
 * Wire organizations and fresh, well-formed ids for tests, so that tests sharing a cache
 * never share an organization.
 */
final class TestOrganizations {

	private static final AtomicLong counter = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private TestOrganizations() {
	}

	/** A new valid WorkOS organization id (digits are valid Crockford base32). */
	static String newId() {
		return "org_" + String.format("%026d", counter.incrementAndGet());
	}

	static WorkOsOrganization organization(String id, String name, @Nullable String externalId) {
		return new WorkOsOrganization(id, name,
				List.of(new WorkOsDomain("org_domain_01EHZNVPK2QXHMVWCEDQEKY69A", "example.com", id,
						WorkOsDomainState.VERIFIED, WorkOsVerificationStrategy.DNS, "token-1", null, null, null)),
				Map.of("tier", "gold", "region", "eu"), externalId, null, Instant.parse("2026-01-15T12:00:00Z"),
				Instant.parse("2026-01-16T08:30:00.250Z"));
	}

	static WorkOsOrganization organization(String id) {
		return organization(id, "Org " + id, null);
	}

}
