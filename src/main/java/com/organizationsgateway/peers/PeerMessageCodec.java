package com.organizationsgateway.peers;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.organization.OrganizationChange;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;
import com.organizationsgateway.organization.OrganizationDomainChange;
import com.organizationsgateway.workos.WorkOsOrganization;

/**
 * Changes to and from the JSON sent on the Redis channel, such as
 * {@code {"version":1,"instance":"…","origin":"GATEWAY","organization_id":"org_…",
 * "kind":"UPDATED","external_ids":["…"],"updated_at":"…","organization":{…}}}, and for a
 * change to one of its domains {@code "domain_id"}, {@code "domain"},
 * {@code "domain_updated_at"} and {@code "domain_removed"} too (readers that predate them
 * ignore them, and only lose the deduplication they allow).
 */
final class PeerMessageCodec {

	private final JsonMapper json = JsonMapper.builder().build();

	private final long maxSnapshotBytes;

	PeerMessageCodec(long maxSnapshotBytes) {
		this.maxSnapshotBytes = maxSnapshotBytes;
	}

	/**
	 * The message for a change; without the organization snapshot when that would make it
	 * larger than allowed, because receivers only need the ids to invalidate.
	 */
	String encode(OrganizationChange change, String instance) {
		OrganizationDomainChange domain = change.domain();
		PeerMessage message = message(change, instance, change.organization(), domain);
		String text = this.json.writeValueAsString(message);
		if (change.organization() != null && text.getBytes(StandardCharsets.UTF_8).length > this.maxSnapshotBytes) {
			text = this.json.writeValueAsString(message(change, instance, null, domain));
		}
		return text;
	}

	private static PeerMessage message(OrganizationChange change, String instance,
			@Nullable WorkOsOrganization organization, @Nullable OrganizationDomainChange domain) {
		return new PeerMessage(PeerMessage.VERSION, instance, change.origin().name(), change.organizationId(),
				change.kind().name(), List.copyOf(change.externalIds()), change.updatedAt(), organization,
				(domain != null) ? domain.domainId() : null, (domain != null) ? domain.domain() : null,
				(domain != null) ? domain.updatedAt() : null, (domain != null) ? domain.removed() : null);
	}

	/**
	 * Reads a message.
	 * @throws MalformedPeerMessageException when it is not a message this version
	 * understands
	 */
	PeerMessage decode(String text) {
		PeerMessage message;
		try {
			message = this.json.readValue(text, PeerMessage.class);
		}
		catch (JacksonException ex) {
			throw new MalformedPeerMessageException("not a peer message: " + ex.getOriginalMessage());
		}
		if (message == null) {
			throw new MalformedPeerMessageException("not a peer message: null");
		}
		if (message.version() != PeerMessage.VERSION) {
			throw new MalformedPeerMessageException("unknown version " + message.version());
		}
		if (message.instance() == null || message.instance().isBlank()) {
			throw new MalformedPeerMessageException("no instance");
		}
		kind(message);
		return message;
	}

	/** The change a message carries, as learnt from another instance. */
	OrganizationChange change(PeerMessage message) {
		Set<String> externalIds = new HashSet<>();
		if (message.externalIds() != null) {
			for (String externalId : message.externalIds()) {
				if (externalId != null) {
					externalIds.add(externalId);
				}
			}
		}
		OrganizationDomainChange domain = (message.domainId() != null)
				? new OrganizationDomainChange(message.domainId(), message.domain(), message.domainUpdatedAt(),
						Boolean.TRUE.equals(message.domainRemoved()))
				: null;
		return new OrganizationChange(message.organizationId(), kind(message), externalIds, message.updatedAt(),
				message.organization(), Origin.PEER, domain);
	}

	private static Kind kind(PeerMessage message) {
		String kind = message.kind();
		if (kind == null) {
			throw new MalformedPeerMessageException("no kind");
		}
		try {
			return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedPeerMessageException("unknown kind " + kind);
		}
	}

	/** A message on the channel that is not a change this instance can apply. */
	static final class MalformedPeerMessageException extends RuntimeException {

		MalformedPeerMessageException(String message) {
			super(message);
		}

	}

}
