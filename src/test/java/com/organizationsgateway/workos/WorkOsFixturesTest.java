package com.organizationsgateway.workos;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client reads every real WorkOS organization, list and domain response we hold.
 */
class WorkOsFixturesTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final StubWorkOsServer server = new StubWorkOsServer();

	static Stream<String> organizationFixtures() {
		return Stream.of("workos-go/testdata/organization.json", "workos-node/organizations/get-organization.json",
				"workos-node/organizations/create-organization.json",
				"workos-node/organizations/update-organization.json",
				"workos-node/organizations/set-stripe-customer-id.json",
				"workos-node/organizations/clear-stripe-customer-id.json");
	}

	@ParameterizedTest
	@MethodSource("organizationFixtures")
	void readsEveryOrganizationFixture(String fixture) {
		server.respond(StubWorkOsServer.echoing(200, Fixtures.read(fixture), "/organizations/", "id"));

		WorkOsOrganization organization = server.client().getOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY").block();

		assertThat(organization.id()).isEqualTo("org_01EHWNCE74X7JSDV0X3SZ3KJNY");
		assertThat(organization.name()).isNotBlank();
		assertThat(organization.domains()).isNotEmpty().allSatisfy((domain) -> {
			assertThat(domain.id()).startsWith("org_domain_");
			assertThat(domain.domain()).contains(".");
		});
		assertThat(organization.metadata()).isNotNull();
	}

	@Test
	void readsEveryFieldOfTheFullOrganization() {
		server.respond(StubResponse.json(200, Fixtures.read("workos-go/testdata/organization.json")));

		WorkOsOrganization organization = server.client().getOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY").block();

		assertThat(organization.name()).isEqualTo("Acme Inc.");
		assertThat(organization.externalId()).isEqualTo("2fe01467-f7ea-4dd2-8b79-c2b4f56d0191");
		assertThat(organization.stripeCustomerId()).isEqualTo("cus_R9qWAGMQ6nGE7V");
		assertThat(organization.metadata()).containsExactly(java.util.Map.entry("tier", "diamond"));
		assertThat(organization.createdAt()).isEqualTo(Instant.parse("2026-01-15T12:00:00Z"));
		assertThat(organization.updatedAt()).isEqualTo(Instant.parse("2026-01-15T12:00:00Z"));
		WorkOsDomain domain = organization.domains().get(0);
		assertThat(domain.domain()).isEqualTo("foo-corp.com");
		assertThat(domain.state()).isEqualTo(WorkOsDomainState.PENDING);
		assertThat(domain.verificationStrategy()).isEqualTo(WorkOsVerificationStrategy.DNS);
		assertThat(domain.verificationToken()).isEqualTo("m5Oztg3jdK4NJLgs8uIlIprMw");
		assertThat(domain.verificationPrefix()).isEqualTo("superapp-domain-verification-z3kjny");
	}

	@Test
	void anOrganizationWithoutStripeIdOrMetadataReadsAsAbsentAndEmpty() {
		server
			.respond(StubResponse.json(200, Fixtures.read("workos-node/organizations/clear-stripe-customer-id.json")));

		WorkOsOrganization organization = server.client().getOrganization("org_01EHT88Z8J8795GZNQ4ZP1J81T").block();

		assertThat(organization.stripeCustomerId()).isNull();
		assertThat(organization.metadata()).isEmpty();
		assertThat(organization.domains().get(0).state()).isNull();
	}

	@Test
	void readsTheNodeListFixtureWithItsCursors() {
		server.respond(StubResponse.json(200, Fixtures.read("workos-node/organizations/list-organizations.json")));

		WorkOsOrganizationList list = server.client().listOrganizations(ListOrganizationsRequest.firstPage()).block();

		assertThat(list.data()).hasSize(7);
		assertThat(list.data()).extracting(WorkOsOrganization::name).contains("foo-corp.com");
		assertThat(list.listMetadata().before()).isEqualTo("before-id");
		assertThat(list.listMetadata().after()).isNull();
	}

	@Test
	void readsTheGoListFixture() {
		server.respond(StubResponse.json(200, Fixtures.read("workos-go/testdata/list_organization.json")));

		WorkOsOrganizationList list = server.client().listOrganizations(ListOrganizationsRequest.firstPage()).block();

		assertThat(list.data()).singleElement().satisfies((organization) -> {
			assertThat(organization.name()).isEqualTo("Acme Inc.");
			assertThat(organization.stripeCustomerId()).isEqualTo("cus_R9qWAGMQ6nGE7V");
		});
		assertThat(list.listMetadata()).isEqualTo(new WorkOsOrganizationList.ListMetadata(null, null));
	}

	static Stream<String> domainFixtures() {
		return Stream.of("workos-go/testdata/organization_domain.json",
				"workos-go/testdata/organization_domain_stand_alone.json",
				"workos-node/organization-domains/get-organization-domain-pending.json",
				"workos-node/organization-domains/get-organization-domain-verified.json");
	}

	@ParameterizedTest
	@MethodSource("domainFixtures")
	void readsEveryDomainFixture(String fixture) {
		WorkOsDomain domain = json.readValue(Fixtures.read(fixture), WorkOsDomain.class);

		assertThat(domain.id()).startsWith("org_domain_");
		assertThat(domain.organizationId()).startsWith("org_");
		assertThat(domain.state()).isIn(WorkOsDomainState.PENDING, WorkOsDomainState.VERIFIED);
		assertThat(domain.verificationStrategy()).isIn(WorkOsVerificationStrategy.DNS,
				WorkOsVerificationStrategy.MANUAL);
	}

	static Stream<String> organizationEventFixtures() {
		return Stream.of("workos-go/testdata/organization_created.json", "workos-go/testdata/organization_updated.json",
				"workos-go/testdata/organization_deleted.json");
	}

	@ParameterizedTest
	@MethodSource("organizationEventFixtures")
	void readsTheOrganizationInsideEveryEvent(String fixture) {
		WorkOsOrganization organization = json.treeToValue(json.readTree(Fixtures.read(fixture)).get("data"),
				WorkOsOrganization.class);

		assertThat(organization.id()).startsWith("org_");
		assertThat(organization.domains()).isNotEmpty();
	}

	@Test
	void anUnknownDomainStateOrFieldDoesNotBreakTheRead() {
		String future = Fixtures.read("workos-go/testdata/organization.json")
			.replace("\"state\": \"pending\"", "\"state\": \"quarantined\", \"risk_score\": {\"level\": 3}")
			.replace("\"verification_strategy\": \"dns\"", "\"verification_strategy\": \"carrier_pigeon\"")
			.replace("\"name\": \"Acme Inc.\"", "\"name\": \"Acme Inc.\", \"region\": \"eu\"");
		server.respond(StubResponse.json(200, future));

		WorkOsOrganization organization = server.client().getOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY").block();

		assertThat(organization.name()).isEqualTo("Acme Inc.");
		assertThat(organization.domains().get(0).state()).isEqualTo(WorkOsDomainState.UNKNOWN);
		assertThat(organization.domains().get(0).verificationStrategy()).isEqualTo(WorkOsVerificationStrategy.UNKNOWN);
	}

}
