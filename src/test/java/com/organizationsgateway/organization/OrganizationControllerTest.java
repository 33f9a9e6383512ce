package com.organizationsgateway.organization;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

import com.organizationsgateway.workos.CreateOrganizationRequest;
import com.organizationsgateway.workos.DomainData;
import com.organizationsgateway.workos.FieldUpdate;
import com.organizationsgateway.workos.ListOrder;
import com.organizationsgateway.workos.ListOrganizationsRequest;
import com.organizationsgateway.workos.UpdateOrganizationRequest;
import com.organizationsgateway.workos.WorkOsClient;
import com.organizationsgateway.workos.WorkOsException;
import com.organizationsgateway.workos.WorkOsOrganization;
import com.organizationsgateway.workos.WorkOsOrganizationList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The GraphQL layer against a mocked WorkOS client: field mapping, argument validation,
 * error mapping, paging translation and the update semantics.
 */
@GraphQlTest(OrganizationController.class)
@Import(OrganizationConfiguration.class)
class OrganizationControllerTest {

	@Autowired
	GraphQlTester graphQlTester;

	@MockitoBean
	WorkOsClient client;

	@Test
	void organizationByIdMapsEveryField() {
		String id = TestOrganizations.newId();
		when(this.client.getOrganization(id))
			.thenReturn(Mono.just(TestOrganizations.organization(id, "Acme", "acme-1")));
		GraphQlTester.Response response = this.graphQlTester.documentName("organizationById")
			.variable("id", id)
			.execute();
		response.path("organization.id").entity(String.class).isEqualTo(id);
		response.path("organization.name").entity(String.class).isEqualTo("Acme");
		response.path("organization.externalId").entity(String.class).isEqualTo("acme-1");
		response.path("organization.stripeCustomerId").valueIsNull();
		response.path("organization.domains[0].domain").entity(String.class).isEqualTo("example.com");
		response.path("organization.domains[0].state").entity(String.class).isEqualTo("VERIFIED");
		response.path("organization.domains[0].verificationStrategy").entity(String.class).isEqualTo("DNS");
		response.path("organization.domains[0].verificationToken").entity(String.class).isEqualTo("token-1");
		response.path("organization.metadata[*].key").entityList(String.class).containsExactly("region", "tier");
		response.path("organization.createdAt").entity(String.class).isEqualTo("2026-01-15T12:00:00.000Z");
		response.path("organization.updatedAt").entity(String.class).isEqualTo("2026-01-16T08:30:00.250Z");
	}

	@Test
	void metadataCanBeFilteredByKey() {
		String id = TestOrganizations.newId();
		when(this.client.getOrganization(id)).thenReturn(Mono.just(TestOrganizations.organization(id)));
		this.graphQlTester
			.document("{ organization(id: \"" + id + "\") { metadata(keys: [\"tier\", \"none\"]) { key value } } }")
			.execute()
			.path("organization.metadata[*].value")
			.entityList(String.class)
			.containsExactly("gold");
	}

	@Test
	void missingCreatedAtFallsBackToUpdatedAt() {
		String id = TestOrganizations.newId();
		WorkOsOrganization organization = new WorkOsOrganization(id, "No dates", null, null, null, null, null,
				java.time.Instant.parse("2026-02-01T00:00:00Z"));
		when(this.client.getOrganization(id)).thenReturn(Mono.just(organization));
		this.graphQlTester.document("{ organization(id: \"" + id + "\") { createdAt domains { id } } }")
			.execute()
			.path("organization.createdAt")
			.entity(String.class)
			.isEqualTo("2026-02-01T00:00:00.000Z");
	}

	@Test
	void organizationByExternalIdUsesTheExternalIdEndpoint() {
		String id = TestOrganizations.newId();
		when(this.client.getOrganizationByExternalId("ext-" + id))
			.thenReturn(Mono.just(TestOrganizations.organization(id, "By external", "ext-" + id)));
		this.graphQlTester.document("query($e: String) { organization(externalId: $e) { id } }")
			.variable("e", "ext-" + id)
			.execute()
			.path("organization.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	@Test
	void tenAliasesOfOneIdCostOneUpstreamCall() {
		String id = TestOrganizations.newId();
		when(this.client.getOrganization(id)).thenReturn(Mono.just(TestOrganizations.organization(id)));
		StringBuilder query = new StringBuilder("{");
		for (int i = 0; i < 10; i++) {
			query.append(" a").append(i).append(": organization(id: \"").append(id).append("\") { id }");
		}
		GraphQlResponse response = this.graphQlTester.document(query.append(" }").toString())
			.execute()
			.returnResponse();
		assertThat(response.getErrors()).isEmpty();
		assertThat(response.field("a9.id").<String>getValue()).isEqualTo(id);
		verify(this.client, times(1)).getOrganization(id);
	}

	@Test
	void nodeResolvesOrganizationsAndIgnoresForeignIds() {
		String id = TestOrganizations.newId();
		when(this.client.getOrganization(id)).thenReturn(Mono.just(TestOrganizations.organization(id)));
		GraphQlResponse response = this.graphQlTester
			.document("query($id: ID!) { node(id: $id) { __typename id ... on Organization { name } }"
					+ " other: node(id: \"user_01EHWNCE74X7JSDV0X3SZ3KJNY\") { id } }")
			.variable("id", id)
			.execute()
			.returnResponse();
		assertThat(response.getErrors()).isEmpty();
		assertThat(response.field("node.__typename").<String>getValue()).isEqualTo("Organization");
		assertThat(response.field("node.name").<String>getValue()).isEqualTo("Org " + id);
		assertThat(response.field("other").<Object>getValue()).isNull();
		verify(this.client, times(1)).getOrganization(any());
	}

	@Test
	void nodeOfAMissingOrganizationIsNullWithNotFound() {
		String missing = TestOrganizations.newId();
		when(this.client.getOrganization(missing)).thenReturn(Mono.error(apiError(404, null, null)));
		GraphQlResponse response = this.graphQlTester.document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", missing)
			.execute()
			.returnResponse();
		assertThat(response.field("node").<Object>getValue()).isNull();
		assertThat(response.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND"));
	}

	@Test
	void nodesKeepsOrderDeduplicatesAndNullsMissingOnes() {
		String found = TestOrganizations.newId();
		String missing = TestOrganizations.newId();
		when(this.client.getOrganization(found)).thenReturn(Mono.just(TestOrganizations.organization(found)));
		when(this.client.getOrganization(missing)).thenReturn(Mono.error(apiError(404, null, null)));
		GraphQlResponse response = this.graphQlTester.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
			.variable("ids", List.of(found, "nope", missing, found))
			.execute()
			.returnResponse();
		assertThat(response.getErrors()).isEmpty();
		List<Map<String, Object>> nodes = response.field("nodes").getValue();
		assertThat(nodes).hasSize(4);
		assertThat(nodes.get(0)).containsEntry("id", found);
		assertThat(nodes.get(1)).isNull();
		assertThat(nodes.get(2)).isNull();
		assertThat(nodes.get(3)).containsEntry("id", found);
		verify(this.client, times(1)).getOrganization(found);
		verify(this.client, times(1)).getOrganization(missing);
	}

	static Stream<Arguments> invalidArguments() {
		String id = "org_01EHWNCE74X7JSDV0X3SZ3KJNY";
		String cursor = OrganizationCursor.encode(id);
		return Stream.of(Arguments.of("{ organization { id } }", "id"),
				Arguments.of("{ organization(id: \"" + id + "\", externalId: \"x\") { id } }", "id"),
				Arguments.of("{ organization(id: \"org_123\") { id } }", "id"),
				Arguments.of("{ organization(id: \"org_01EHWNCE74X7JSDV0X3SZ3KJNU\") { id } }", "id"),
				Arguments.of("{ organization(externalId: \"\") { id } }", "externalId"),
				Arguments.of("{ organization(externalId: \"" + "x".repeat(129) + "\") { id } }", "externalId"),
				Arguments.of("{ organization(externalId: \"caf\u00e9\") { id } }", "externalId"),
				Arguments.of("{ organizations(first: 0) { pageInfo { hasNextPage } } }", "first"),
				Arguments.of("{ organizations(first: 101) { pageInfo { hasNextPage } } }", "first"),
				Arguments.of("{ organizations(last: 0) { pageInfo { hasNextPage } } }", "last"),
				Arguments.of("{ organizations(first: 5, last: 5) { pageInfo { hasNextPage } } }", "last"),
				Arguments.of("{ organizations(first: 5, before: \"" + cursor + "\") { pageInfo { hasNextPage } } }",
						"before"),
				Arguments.of("{ organizations(last: 5, after: \"" + cursor + "\") { pageInfo { hasNextPage } } }",
						"after"),
				Arguments.of("{ organizations(after: \"" + cursor + "\", before: \"" + cursor
						+ "\") { pageInfo { hasNextPage } } }", "before"),
				Arguments.of("{ organizations(after: \"not a cursor!\") { pageInfo { hasNextPage } } }", "after"),
				Arguments.of("{ organizations(before: \"" + OrganizationCursor.encode("org_1")
						+ "\") { pageInfo { hasNextPage } } }", "before"),
				Arguments.of("mutation { createOrganization(input: {name: \"  \"}) { organization { id } } }",
						"input.name"),
				Arguments.of("mutation { createOrganization(input: {name: \"A\", externalId: \"" + "e".repeat(129)
						+ "\"}) { organization { id } } }", "input.externalId"),
				Arguments
					.of("mutation { createOrganization(input: {name: \"A\", metadata: [{key: \"k\", value: null}]})"
							+ " { organization { id } } }", "input.metadata[0].value"),
				Arguments.of("mutation { createOrganization(input: {name: \"A\", metadata: [{key: \"" + "k".repeat(41)
						+ "\", value: \"v\"}]}) { organization { id } } }", "input.metadata[0].key"),
				Arguments.of("mutation { createOrganization(input: {name: \"A\", metadata: [{key: \"k\", value: \""
						+ "v".repeat(601) + "\"}]}) { organization { id } } }", "input.metadata[0].value"),
				Arguments
					.of("mutation { createOrganization(input: {name: \"A\", metadata: [{key: \"k\", value: \"\u00fc\"}]})"
							+ " { organization { id } } }", "input.metadata[0].value"),
				Arguments.of("mutation { createOrganization(input: {name: \"A\", metadata: [" + metadataEntries(51)
						+ "]}) { organization { id } } }", "input.metadata"),
				Arguments.of("mutation { createOrganization(input: {name: \"A\", idempotencyKey: \"a b\"})"
						+ " { organization { id } } }", "input.idempotencyKey"),
				Arguments.of(
						"mutation { updateOrganization(input: {id: \"org_x\", name: \"A\"}) { organization { id } } }",
						"input.id"),
				Arguments.of("mutation { updateOrganization(input: {id: \"" + id
						+ "\", name: \"\"}) { organization { id } } }", "input.name"),
				Arguments.of("mutation { updateOrganization(input: {id: \"" + id
						+ "\", externalId: \"\"}) { organization { id } } }", "input.externalId"),
				Arguments.of("mutation { deleteOrganization(input: {id: \"nope\"}) { deletedOrganizationId } }",
						"input.id"));
	}

	@ParameterizedTest
	@MethodSource("invalidArguments")
	void invalidArgumentsAreRejectedBeforeAnyUpstreamCall(String document, String field) {
		GraphQlResponse response = this.graphQlTester.document(document).execute().returnResponse();
		assertThat(response.getErrors()).hasSize(1);
		ResponseError error = response.getErrors().get(0);
		assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
		List<Map<String, Object>> fieldErrors = (List<Map<String, Object>>) error.getExtensions().get("fieldErrors");
		assertThat(fieldErrors).extracting((fieldError) -> fieldError.get("field")).contains(field);
		verifyNoInteractions(this.client);
	}

	static Stream<Arguments> upstreamErrors() {
		return Stream.of(Arguments.of(apiError(400, "invalid_metadata", null), "BAD_USER_INPUT"),
				Arguments.of(apiError(400, "external_id_already_used", null), "CONFLICT"),
				Arguments.of(apiError(400, "stripe_customer_id_already_used", null), "CONFLICT"),
				Arguments.of(apiError(401, null, null), "UPSTREAM_UNAVAILABLE"),
				Arguments.of(apiError(403, null, null), "UPSTREAM_UNAVAILABLE"),
				Arguments.of(apiError(404, "entity_not_found", null), "NOT_FOUND"),
				Arguments.of(apiError(409, null, null), "CONFLICT"),
				Arguments.of(apiError(422, "invalid", null), "BAD_USER_INPUT"),
				Arguments.of(apiError(429, null, Duration.ofMillis(2500)), "RATE_LIMITED"),
				Arguments.of(apiError(500, null, null), "UPSTREAM_UNAVAILABLE"),
				Arguments.of(apiError(503, null, null), "UPSTREAM_UNAVAILABLE"),
				Arguments.of(apiError(302, null, null), "UPSTREAM_UNAVAILABLE"));
	}

	@ParameterizedTest
	@MethodSource("upstreamErrors")
	void upstreamErrorsMapToCodesAndKeepTheRequestId(WorkOsException.ApiError error, String code) {
		String id = TestOrganizations.newId();
		when(this.client.getOrganization(id)).thenReturn(Mono.error(error));
		GraphQlResponse response = this.graphQlTester.documentName("organizationById")
			.variable("id", id)
			.execute()
			.returnResponse();
		assertThat(response.field("organization").<Object>getValue()).isNull();
		assertThat(response.getErrors()).hasSize(1);
		ResponseError graphQlError = response.getErrors().get(0);
		assertThat(graphQlError.getExtensions()).containsEntry("code", code).containsEntry("requestId", "req_42");
		assertThat(graphQlError.getPath()).isEqualTo("organization");
		assertThat(graphQlError.getMessage()).doesNotContain("Exception").doesNotContain("com.organizationsgateway");
		if (code.equals("RATE_LIMITED")) {
			assertThat(graphQlError.getExtensions()).containsEntry("retryAfterSeconds", 3);
		}
	}

	@Test
	void transportFailuresAreUpstreamUnavailable() {
		String id = TestOrganizations.newId();
		when(this.client.getOrganization(id))
			.thenReturn(Mono.error(new WorkOsException.TransportFailure("connection refused to secret-host", null)));
		ResponseError error = singleError(this.graphQlTester.documentName("organizationById").variable("id", id));
		assertThat(error.getExtensions()).containsEntry("code", "UPSTREAM_UNAVAILABLE").doesNotContainKey("requestId");
		assertThat(error.getMessage()).doesNotContain("secret-host");
	}

	@Test
	void unexpectedFailuresAreInternalWithoutDetails() {
		String id = TestOrganizations.newId();
		when(this.client.getOrganization(id)).thenReturn(Mono.error(new IllegalStateException("boom sk_live_123")));
		ResponseError error = singleError(this.graphQlTester.documentName("organizationById").variable("id", id));
		assertThat(error.getExtensions()).containsEntry("code", "INTERNAL");
		assertThat(error.getMessage()).isEqualTo("Internal error");
	}

	@Test
	void upstreamFieldErrorsUseGraphQlNames() {
		WorkOsException.ErrorResponse body = new WorkOsException.ErrorResponse(422, "invalid", "Validation failed",
				List.of(new WorkOsException.FieldError("external_id", "too_long", null)), "req_7", null);
		when(this.client.createOrganization(any(), any())).thenReturn(Mono.error(body.toException()));
		ResponseError error = singleError(
				this.graphQlTester.documentName("createOrganization").variable("input", Map.of("name", "Acme")));
		assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("requestId", "req_7");
		assertThat((List<Map<String, Object>>) error.getExtensions().get("fieldErrors"))
			.containsExactly(Map.of("field", "input.externalId", "code", "too_long", "message", "Validation failed"));
	}

	@Test
	void firstAndAfterPageForwardWithWorkOsCursors() {
		String first = TestOrganizations.newId();
		String second = TestOrganizations.newId();
		String afterId = TestOrganizations.newId();
		ListOrganizationsRequest expected = new ListOrganizationsRequest(List.of("example.com"), "acme", 2,
				ListOrder.ASC, null, afterId);
		when(this.client.listOrganizations(expected))
			.thenReturn(Mono.just(page(List.of(first, second), afterId, second)));
		GraphQlTester.Response response = this.graphQlTester.documentName("organizationPage")
			.variable("first", 2)
			.variable("after", OrganizationCursor.encode(afterId))
			.variable("order", "ASC")
			.variable("search", "acme")
			.variable("domains", List.of("example.com"))
			.execute();
		response.path("organizations.edges[*].node.id").entityList(String.class).containsExactly(first, second);
		response.path("organizations.edges[0].cursor").entity(String.class).isEqualTo(OrganizationCursor.encode(first));
		response.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		response.path("organizations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		response.path("organizations.pageInfo.endCursor")
			.entity(String.class)
			.isEqualTo(OrganizationCursor.encode(second));
	}

	@Test
	void defaultsToTenNewestFirst() {
		ListOrganizationsRequest expected = new ListOrganizationsRequest(null, null, 10, ListOrder.DESC, null, null);
		String only = TestOrganizations.newId();
		when(this.client.listOrganizations(expected)).thenReturn(Mono.just(page(List.of(only), null, null)));
		GraphQlTester.Response response = this.graphQlTester.documentName("organizationPage").execute();
		response.path("organizations.edges[*].node.id").entityList(String.class).containsExactly(only);
		response.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		response.path("organizations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void aliasesOfOnePageCostOneUpstreamCallAndAnotherPageItsOwn() {
		String newest = TestOrganizations.newId();
		String oldest = TestOrganizations.newId();
		ListOrganizationsRequest newestFirst = new ListOrganizationsRequest(null, null, 1, ListOrder.DESC, null, null);
		ListOrganizationsRequest oldestFirst = new ListOrganizationsRequest(null, null, 1, ListOrder.ASC, null, null);
		when(this.client.listOrganizations(newestFirst)).thenReturn(Mono.just(page(List.of(newest), null, newest)));
		when(this.client.listOrganizations(oldestFirst)).thenReturn(Mono.just(page(List.of(oldest), null, oldest)));
		GraphQlResponse response = this.graphQlTester
			.document("{ a: organizations(first: 1) { edges { node { id } } }"
					+ " b: organizations(first: 1, order: DESC) { edges { node { id } } }"
					+ " c: organizations(first: 1, order: ASC) { edges { node { id } } } }")
			.execute()
			.returnResponse();
		assertThat(response.getErrors()).isEmpty();
		assertThat(response.field("a.edges[0].node.id").<String>getValue()).isEqualTo(newest);
		assertThat(response.field("b.edges[0].node.id").<String>getValue()).isEqualTo(newest);
		assertThat(response.field("c.edges[0].node.id").<String>getValue()).isEqualTo(oldest);
		verify(this.client, times(1)).listOrganizations(newestFirst);
		verify(this.client, times(1)).listOrganizations(oldestFirst);
	}

	@Test
	void lastAndBeforePageBackward() {
		String beforeId = TestOrganizations.newId();
		String a = TestOrganizations.newId();
		String b = TestOrganizations.newId();
		ListOrganizationsRequest expected = new ListOrganizationsRequest(null, null, 2, ListOrder.DESC, beforeId, null);
		when(this.client.listOrganizations(expected)).thenReturn(Mono.just(page(List.of(a, b), null, b)));
		GraphQlTester.Response response = this.graphQlTester.documentName("organizationPage")
			.variable("last", 2)
			.variable("before", OrganizationCursor.encode(beforeId))
			.execute();
		response.path("organizations.edges[*].node.id").entityList(String.class).containsExactly(a, b);
		response.path("organizations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		response.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void lastWithoutBeforeReadsTheReversedOrderAndReversesIt() {
		String newest = TestOrganizations.newId();
		String older = TestOrganizations.newId();
		// DESC asked for, so the end of the list is the oldest: WorkOS is asked
		// oldest first.
		ListOrganizationsRequest expected = new ListOrganizationsRequest(null, null, 2, ListOrder.ASC, null, null);
		when(this.client.listOrganizations(expected)).thenReturn(Mono.just(page(List.of(newest, older), null, older)));
		GraphQlTester.Response response = this.graphQlTester.documentName("organizationPage")
			.variable("last", 2)
			.execute();
		response.path("organizations.edges[*].node.id").entityList(String.class).containsExactly(older, newest);
		response.path("organizations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		response.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void cursorsRoundTripAndCarryNoClassNames() {
		String id = "org_01EHWNCE74X7JSDV0X3SZ3KJNY";
		String cursor = OrganizationCursor.encode(id);
		assertThat(cursor).matches("[A-Za-z0-9_-]+");
		assertThat(new String(java.util.Base64.getUrlDecoder().decode(cursor))).isEqualTo("v1:" + id);
		assertThat(OrganizationCursor.decode("after", cursor)).isEqualTo(id);
	}

	@Test
	void createPassesFieldsAndTheIdempotencyKey() {
		String id = TestOrganizations.newId();
		ArgumentCaptor<CreateOrganizationRequest> request = ArgumentCaptor.forClass(CreateOrganizationRequest.class);
		when(this.client.createOrganization(request.capture(), eq("key-1")))
			.thenReturn(Mono.just(TestOrganizations.organization(id, "Acme", "acme")));
		this.graphQlTester.documentName("createOrganization")
			.variable("input",
					Map.of("name", "Acme", "externalId", "acme", "idempotencyKey", "key-1", "domainData",
							List.of(Map.of("domain", "acme.com", "state", "PENDING")), "metadata",
							List.of(Map.of("key", "tier", "value", "gold"))))
			.execute()
			.path("createOrganization.organization.id")
			.entity(String.class)
			.isEqualTo(id);
		assertThat(request.getValue()).isEqualTo(new CreateOrganizationRequest("Acme",
				List.of(new DomainData("acme.com", DomainData.State.PENDING)), "acme", Map.of("tier", "gold")));
	}

	@Test
	void updateTellsOmittedFromExplicitNull() {
		String id = TestOrganizations.newId();
		ArgumentCaptor<UpdateOrganizationRequest> request = ArgumentCaptor.forClass(UpdateOrganizationRequest.class);
		when(this.client.updateOrganization(eq(id), request.capture()))
			.thenReturn(Mono.just(TestOrganizations.organization(id)));
		java.util.HashMap<String, Object> input = new java.util.HashMap<>();
		input.put("id", id);
		input.put("stripeCustomerId", null);
		java.util.HashMap<String, Object> removed = new java.util.HashMap<>();
		removed.put("key", "old");
		removed.put("value", null);
		input.put("metadata", List.of(Map.of("key", "tier", "value", "platinum"), removed));
		this.graphQlTester.documentName("updateOrganization")
			.variable("input", input)
			.execute()
			.path("updateOrganization.organization.id")
			.entity(String.class)
			.isEqualTo(id);
		UpdateOrganizationRequest sent = request.getValue();
		assertThat(sent.externalId()).isInstanceOf(FieldUpdate.Keep.class);
		assertThat(sent.stripeCustomerId()).isEqualTo(FieldUpdate.clear());
		assertThat(sent.name()).isNull();
		assertThat(sent.domainData()).isNull();
		assertThat(sent.metadata()).containsEntry("tier", "platinum").containsEntry("old", null).hasSize(2);
	}

	@Test
	void updateSetsExternalIdAndReplacesDomains() {
		String id = TestOrganizations.newId();
		ArgumentCaptor<UpdateOrganizationRequest> request = ArgumentCaptor.forClass(UpdateOrganizationRequest.class);
		when(this.client.updateOrganization(eq(id), request.capture()))
			.thenReturn(Mono.just(TestOrganizations.organization(id)));
		this.graphQlTester.documentName("updateOrganization")
			.variable("input",
					Map.of("id", id, "name", "New", "externalId", "new-ext", "domainData", List.of(), "metadata",
							List.of()))
			.execute()
			.path("updateOrganization.organization.id")
			.entity(String.class)
			.isEqualTo(id);
		UpdateOrganizationRequest sent = request.getValue();
		assertThat(sent.externalId()).isEqualTo(FieldUpdate.set("new-ext"));
		assertThat(sent.stripeCustomerId()).isInstanceOf(FieldUpdate.Keep.class);
		assertThat(sent.name()).isEqualTo("New");
		assertThat(sent.domainData()).isEmpty();
		assertThat(sent.metadata()).isNull();
	}

	@Test
	void deleteReturnsTheIdAndNotFoundIsAnError() {
		String id = TestOrganizations.newId();
		String missing = TestOrganizations.newId();
		when(this.client.deleteOrganization(id)).thenReturn(Mono.empty());
		when(this.client.deleteOrganization(missing)).thenReturn(Mono.error(apiError(404, null, null)));
		this.graphQlTester.documentName("deleteOrganization")
			.variable("input", Map.of("id", id))
			.execute()
			.path("deleteOrganization.deletedOrganizationId")
			.entity(String.class)
			.isEqualTo(id);
		ResponseError error = singleError(
				this.graphQlTester.documentName("deleteOrganization").variable("input", Map.of("id", missing)));
		assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
	}

	@Test
	void aMutationInvalidatesTheCachedOrganization() {
		String id = TestOrganizations.newId();
		when(this.client.getOrganization(id)).thenReturn(Mono.just(TestOrganizations.organization(id, "Old", null)),
				Mono.just(TestOrganizations.organization(id, "New", null)));
		when(this.client.updateOrganization(eq(id), any()))
			.thenReturn(Mono.just(TestOrganizations.organization(id, "New", null)));
		String query = "{ organization(id: \"" + id + "\") { name } }";
		this.graphQlTester.document(query).execute().path("organization.name").entity(String.class).isEqualTo("Old");
		this.graphQlTester.document(query).execute().path("organization.name").entity(String.class).isEqualTo("Old");
		this.graphQlTester.documentName("updateOrganization")
			.variable("input", Map.of("id", id, "name", "New"))
			.execute()
			.path("updateOrganization.organization.name")
			.entity(String.class)
			.isEqualTo("New");
		this.graphQlTester.document(query).execute().path("organization.name").entity(String.class).isEqualTo("New");
		verify(this.client, times(2)).getOrganization(id);
	}

	private ResponseError singleError(GraphQlTester.Request<?> request) {
		GraphQlResponse response = request.execute().returnResponse();
		assertThat(response.getErrors()).hasSize(1);
		return response.getErrors().get(0);
	}

	private static WorkOsException.ApiError apiError(int status, String code, Duration retryAfter) {
		return new WorkOsException.ErrorResponse(status, code, "upstream says no", List.of(), "req_42", retryAfter)
			.toException();
	}

	private static WorkOsOrganizationList page(List<String> ids, String before, String after) {
		return new WorkOsOrganizationList(ids.stream().map(TestOrganizations::organization).toList(),
				new WorkOsOrganizationList.ListMetadata(before, after));
	}

	private static String metadataEntries(int count) {
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < count; i++) {
			entries.append("{key: \"k").append(i).append("\", value: \"v\"} ");
		}
		return entries.toString();
	}

}
