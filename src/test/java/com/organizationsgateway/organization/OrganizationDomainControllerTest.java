package com.organizationsgateway.organization;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.workos.CreateOrganizationDomainRequest;
import com.organizationsgateway.workos.Fixtures;
import com.organizationsgateway.workos.WorkOsClient;
import com.organizationsgateway.workos.WorkOsDomain;
import com.organizationsgateway.workos.WorkOsException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The domain part of the GraphQL layer against a mocked WorkOS client: every field mapped
 * from WorkOS's real answers, old and unknown shapes tolerated, the removal's read before
 * its delete, and upstream refusals mapped to their codes and input fields.
 */
@GraphQlTest({ OrganizationDomainController.class, OrganizationController.class })
@Import(OrganizationConfiguration.class)
class OrganizationDomainControllerTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String DOMAIN_ID = "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A";

	@Autowired
	GraphQlTester graphQlTester;

	@MockitoBean
	WorkOsClient client;

	@Test
	void organizationDomainMapsEveryFieldOfWorkOsExample() {
		when(this.client.getOrganizationDomain(DOMAIN_ID))
			.thenReturn(Mono.just(domain("workos-go/testdata/organization_domain_stand_alone.json")));
		when(this.client.getOrganization("org_01HE8GSH8FQPASKSY27THRKRBP"))
			.thenReturn(Mono.just(TestOrganizations.organization("org_01HE8GSH8FQPASKSY27THRKRBP", "Foo Corp", null)));

		GraphQlTester.Response response = this.graphQlTester.documentName("organizationDomain")
			.variable("id", DOMAIN_ID)
			.execute();

		response.path("organizationDomain").entity(Map.class).satisfies((domain) -> {
			assertThat(domain).containsEntry("id", DOMAIN_ID)
				.containsEntry("domain", "foo-corp.com")
				.containsEntry("state", "PENDING")
				.containsEntry("verificationStrategy", "DNS")
				.containsEntry("verificationToken", "m5Oztg3jdK4NJLgs8uIlIprMw")
				.containsEntry("verificationPrefix", "superapp-domain-verification-z3kjny")
				.containsEntry("organizationId", "org_01HE8GSH8FQPASKSY27THRKRBP")
				.containsEntry("createdAt", "2026-01-15T12:00:00.000Z")
				.containsEntry("updatedAt", "2026-01-15T12:00:00.000Z");
		});
		response.path("organizationDomain.organization.name").entity(String.class).isEqualTo("Foo Corp");
	}

	@Test
	void theOldestShapeReadsWithoutAnOrganizationAndAnUnknownStateAsUnknown() {
		when(this.client.getOrganizationDomain(DOMAIN_ID))
			.thenReturn(Mono.just(domain("workos-node/organization-domains/get-organization-domain-unverified.json")));
		WorkOsDomain future = json.readValue(Fixtures.read("workos-go/testdata/organization_domain_stand_alone.json")
			.replace("\"state\": \"pending\"", "\"state\": \"on_hold\""), WorkOsDomain.class);
		String futureId = "org_domain_01EHZNVPK2QXHMVWCEDQEKY69B";
		when(this.client.getOrganizationDomain(futureId)).thenReturn(Mono.just(future));

		GraphQlTester.Response oldest = this.graphQlTester.documentName("organizationDomain")
			.variable("id", DOMAIN_ID)
			.execute();
		oldest.path("organizationDomain.state").entity(String.class).isEqualTo("PENDING");
		oldest.path("organizationDomain.organizationId").valueIsNull();
		oldest.path("organizationDomain.organization").valueIsNull();
		oldest.path("organizationDomain.verificationStrategy").valueIsNull();
		this.graphQlTester.document("query($id: ID!) { organizationDomain(id: $id) { state } }")
			.variable("id", futureId)
			.execute()
			.path("organizationDomain.state")
			.entity(String.class)
			.isEqualTo("UNKNOWN");
		verify(this.client, never()).getOrganization(anyString());
	}

	@Test
	void removalReadsTheDomainForItsOrganizationThenDeletesIt() {
		WorkOsDomain domain = domain("workos-go/testdata/organization_domain_stand_alone.json");
		when(this.client.getOrganizationDomain(DOMAIN_ID)).thenReturn(Mono.just(domain));
		when(this.client.deleteOrganizationDomain(DOMAIN_ID)).thenReturn(Mono.empty());

		this.graphQlTester
			.document(
					"mutation($id: ID!) { removeOrganizationDomain(input: {id: $id}) { removedOrganizationDomainId } }")
			.variable("id", DOMAIN_ID)
			.execute()
			.path("removeOrganizationDomain.removedOrganizationDomainId")
			.entity(String.class)
			.isEqualTo(DOMAIN_ID);

		verify(this.client).deleteOrganizationDomain(DOMAIN_ID);
	}

	@Test
	void aDomainThatCannotBeReadIsNotDeleted() {
		when(this.client.getOrganizationDomain(DOMAIN_ID)).thenReturn(Mono
			.error(new WorkOsException.ErrorResponse(404, "entity_not_found", "Not found", List.of(), "req_404", null)
				.toException()));

		ResponseError error = this.graphQlTester
			.document(
					"mutation($id: ID!) { removeOrganizationDomain(input: {id: $id}) { removedOrganizationDomainId } }")
			.variable("id", DOMAIN_ID)
			.execute()
			.returnResponse()
			.getErrors()
			.get(0);

		assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND").containsEntry("requestId", "req_404");
		assertThat(error.getMessage()).isEqualTo("Organization domain not found");
		verify(this.client, never()).deleteOrganizationDomain(anyString());
	}

	@Test
	void anUpstreamValidationFailureNamesTheInputField() {
		when(this.client.createOrganizationDomain(
				eq(new CreateOrganizationDomainRequest("org_01EHWNCE74X7JSDV0X3SZ3KJNY", "gmail.com")), any()))
			.thenReturn(Mono.error(new WorkOsException.ErrorResponse(422, "invalid_request_parameters",
					"Consumer domains are not allowed.",
					List.of(new WorkOsException.FieldError("domain", "domain_consumer", null)), "req_422", null)
				.toException()));

		ResponseError error = this.graphQlTester.documentName("addOrganizationDomain")
			.variable("input", Map.of("organizationId", "org_01EHWNCE74X7JSDV0X3SZ3KJNY", "domain", "gmail.com"))
			.execute()
			.returnResponse()
			.getErrors()
			.get(0);

		assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
		assertThat(error.getExtensions().get("fieldErrors").toString()).contains("field=input.domain")
			.contains("domain_consumer");
	}

	@Test
	void alreadyVerifiedIsABadUserInputWithWorkOsMessage() {
		when(this.client.verifyOrganizationDomain(DOMAIN_ID))
			.thenReturn(Mono.error(new WorkOsException.ErrorResponse(400, "domain_already_verified",
					"Domain is already verified.", List.of(), "req_400", null)
				.toException()));

		ResponseError error = this.graphQlTester.documentName("verifyOrganizationDomain")
			.variable("input", Map.of("id", DOMAIN_ID))
			.execute()
			.returnResponse()
			.getErrors()
			.get(0);

		assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
		assertThat(error.getMessage()).isEqualTo("Domain is already verified.");
	}

	private static WorkOsDomain domain(String fixture) {
		return json.readValue(Fixtures.read(fixture), WorkOsDomain.class);
	}

}
