package com.organizationsgateway.peers;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.organizationsgateway.organization.OrganizationChange;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;
import com.organizationsgateway.organization.OrganizationDomainChange;
import com.organizationsgateway.peers.PeerMessageCodec.MalformedPeerMessageException;
import com.organizationsgateway.workos.WorkOsOrganization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JSON messages between instances: what goes out, what comes back, what is refused.
 */
class PeerMessageCodecTest {

	private static final Instant UPDATED = Instant.parse("2026-11-28T10:15:30.123Z");

	private final PeerMessageCodec codec = new PeerMessageCodec(32 * 1024);

	@Test
	void aChangeComesBackAsTheSameChangeFromAPeer() {
		OrganizationChange change = new OrganizationChange("org_01A", Kind.UPDATED, Set.of("ext-1", "ext-2"), UPDATED,
				organization(Map.of("tier", "gold")), Origin.GATEWAY);
		String text = this.codec.encode(change, "instance-a");
		PeerMessage message = this.codec.decode(text);

		assertThat(message.instance()).isEqualTo("instance-a");
		assertThat(message.origin()).isEqualTo("GATEWAY");
		assertThat(this.codec.change(message)).isEqualTo(change.withOrigin(Origin.PEER));
		assertThat(text).contains("\"version\":1").contains("\"updated_at\":\"2026-11-28T10:15:30.123Z\"");
	}

	@Test
	void aDomainChangeComesBackWithItsDomain() {
		OrganizationChange change = OrganizationChange.ofDomain("org_01C",
				new OrganizationDomainChange("org_domain_01C", "foo-corp.com", UPDATED, true), Origin.WEBHOOK);
		String text = this.codec.encode(change, "instance-a");

		assertThat(this.codec.change(this.codec.decode(text))).isEqualTo(change.withOrigin(Origin.PEER));
		assertThat(text).contains("\"domain_id\":\"org_domain_01C\"")
			.contains("\"domain_updated_at\":\"2026-11-28T10:15:30.123Z\"")
			.contains("\"domain_removed\":true");
	}

	@Test
	void aMessageFromAnInstanceThatPredatesDomainChangesStillReads() {
		String older = "{\"version\":1,\"instance\":\"old\",\"origin\":\"WEBHOOK\",\"organization_id\":\"org_01D\","
				+ "\"kind\":\"UPDATED\",\"external_ids\":[]}";

		assertThat(this.codec.change(this.codec.decode(older)))
			.isEqualTo(new OrganizationChange("org_01D", Kind.UPDATED, Set.of(), null, null, Origin.PEER));
	}

	@Test
	void aChangeWithoutIdOrSnapshotTravelsToo() {
		OrganizationChange change = new OrganizationChange(null, Kind.POSSIBLY_CHANGED, Set.of("ext-9"), null, null,
				Origin.WEBHOOK);
		assertThat(this.codec.change(this.codec.decode(this.codec.encode(change, "b"))))
			.isEqualTo(change.withOrigin(Origin.PEER));
	}

	@Test
	void anOversizedSnapshotIsLeftOutButTheIdsStillGo() {
		Map<String, String> metadata = new HashMap<>();
		for (int i = 0; i < 50; i++) {
			metadata.put("key" + i, "x".repeat(1000));
		}
		OrganizationChange change = new OrganizationChange("org_01B", Kind.UPDATED, Set.of("ext-b"), UPDATED,
				organization(metadata), Origin.GATEWAY);
		String text = this.codec.encode(change, "a");

		assertThat(text.length()).isLessThan(1024);
		OrganizationChange received = this.codec.change(this.codec.decode(text));
		assertThat(received.organization()).isNull();
		assertThat(received.organizationId()).isEqualTo("org_01B");
		assertThat(received.externalIds()).containsExactly("ext-b");
		assertThat(received.updatedAt()).isEqualTo(UPDATED);
	}

	@Test
	void aTypicalMessageIsSmall() {
		OrganizationChange change = new OrganizationChange("org_01EHZNVPK3SFK441A1RGBFSHRT", Kind.UPDATED,
				Set.of("2fe01467-f7ea-4dd2-8b79-c2b4f56d0191"), UPDATED, organization(Map.of("tier", "gold")),
				Origin.GATEWAY);
		assertThat(this.codec.encode(change, "6737afc3-01d0-4cff-878e-c1945e6d3f1e")).hasSizeLessThan(1024);
	}

	@Test
	void unknownFieldsFromALaterWriterAreIgnored() {
		PeerMessage message = this.codec.decode(
				"{\"version\":1,\"instance\":\"i\",\"kind\":\"DELETED\",\"organization_id\":\"org_1\",\"new\":[1]}");
		assertThat(this.codec.change(message).kind()).isEqualTo(Kind.DELETED);
	}

	@Test
	void whatIsNotAMessageOfThisVersionIsRefused() {
		for (String text : List.of("", "{not json", "[]", "null", "42", "{\"instance\":\"i\",\"kind\":\"UPDATED\"}",
				"{\"version\":2,\"instance\":\"i\",\"kind\":\"UPDATED\"}", "{\"version\":1,\"kind\":\"UPDATED\"}",
				"{\"version\":1,\"instance\":\"i\"}", "{\"version\":1,\"instance\":\"i\",\"kind\":\"EXPLODED\"}",
				"{\"version\":1,\"instance\":\"i\",\"kind\":\"UPDATED\",\"updated_at\":\"yesterday\"}")) {
			assertThatExceptionOfType(MalformedPeerMessageException.class).as(text)
				.isThrownBy(() -> this.codec.decode(text));
		}
	}

	private static WorkOsOrganization organization(Map<String, String> metadata) {
		return new WorkOsOrganization("org_01A", "Acme", List.of(), metadata, "ext-1", null,
				Instant.parse("2026-01-01T00:00:00Z"), UPDATED);
	}

}
