package com.organizationsgateway.workos;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.workos.StubWorkOsServer.RecordedRequest;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What goes on the wire for each endpoint: method, path, query, headers and body.
 */
class WorkOsClientRequestsTest {

	private static final String ORGANIZATION = Fixtures.read("workos-go/testdata/organization.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final StubWorkOsServer server = new StubWorkOsServer();

	private WorkOsClient client;

	@BeforeEach
	void answerWithAnOrganization() {
		server.respond(StubResponse.json(200, ORGANIZATION));
		this.client = server.client();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "...", ".a", "a/b", "%2F", "%252F", "?q=1", "#top", "a b", "ünïcødé/日本",
			"..%2F..%2Fadmin", "a;b=c", "x\\y", "+plus+" })
	void anExternalIdNeverChangesTheRequestPath(String externalId) {
		server.respond(StubWorkOsServer.echoing(200, ORGANIZATION, "/organizations/external_id/", "external_id"));
		this.client.getOrganizationByExternalId(externalId).block();

		String path = server.lastRequest().path();
		assertThat(server.lastRequest().uri()).doesNotContain("?").doesNotContain("#");
		assertThat(path).startsWith("/organizations/external_id/");
		String segment = path.substring("/organizations/external_id/".length());
		assertThat(segment).doesNotContain("/").isNotIn(".", "..");
		assertThat(UriUtils.decode(segment, StandardCharsets.UTF_8)).isEqualTo(externalId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "." })
	void aDotSegmentIsNeverSentBecauseServersResolveItInAnyEncoding(String idOrExternalId) {
		int before = server.requests().size();

		assertThat(catchThrowable(() -> this.client.getOrganizationByExternalId(idOrExternalId).block()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(catchThrowable(() -> this.client.getOrganization(idOrExternalId).block()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(catchThrowable(() -> this.client.deleteOrganization(idOrExternalId).block()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(server.requests()).hasSize(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../organizations", "org_1/../../x", "org_1?limit=100", "org_1#x", "org 1" })
	void anIdNeverChangesTheRequestPath(String id) {
		server.respond(StubWorkOsServer.echoing(200, ORGANIZATION, "/organizations/", "id"));
		this.client.getOrganization(id).block();
		this.client.updateOrganization(id, UpdateOrganizationRequest.name("n")).block();

		for (RecordedRequest request : server.requests()
			.subList(server.requests().size() - 2, server.requests().size())) {
			String segment = request.path().substring("/organizations/".length());
			assertThat(request.uri()).doesNotContain("?").doesNotContain("#");
			assertThat(segment).doesNotContain("/");
			assertThat(UriUtils.decode(segment, StandardCharsets.UTF_8)).isEqualTo(id);
		}
	}

	@Test
	void sendsTheKeyAsABearerTokenAndAsksForJson() {
		this.client.getOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY").block();

		RecordedRequest request = server.lastRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + StubWorkOsServer.API_KEY);
		assertThat(request.header("Accept")).isEqualTo("application/json");
	}

	@Test
	void createsWithTheDocumentedBodyAndTheIdempotencyKey() {
		server.respond(StubResponse.json(201, ORGANIZATION));

		WorkOsOrganization created = this.client
			.createOrganization(new CreateOrganizationRequest("Foo Corp",
					List.of(new DomainData("foo-corp.com", DomainData.State.VERIFIED)), "ext_12345",
					Map.of("tier", "diamond")), "key-1")
			.block();

		RecordedRequest request = server.lastRequest();
		assertThat(created.id()).isEqualTo("org_01EHWNCE74X7JSDV0X3SZ3KJNY");
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/organizations");
		assertThat(request.header("Idempotency-Key")).isEqualTo("key-1");
		assertThat(request.header("Content-Type")).startsWith("application/json");
		// WorkOS's own example request, less the deprecated fields.
		JsonNode expected = json.readTree(Fixtures.read("workos-go/testdata/organization_input.json"));
		JsonNode sent = json.readTree(request.body());
		assertThat(sent.propertyNames()).containsExactly("name", "domain_data", "external_id", "metadata");
		for (String field : List.of("name", "domain_data", "external_id", "metadata")) {
			assertThat(sent.get(field)).as(field).isEqualTo(expected.get(field));
		}
	}

	@Test
	void createLeavesOutAbsentFieldsAndTheKeyHeaderWhenNoneIsGiven() {
		server.respond(StubResponse.json(201, ORGANIZATION));

		this.client.createOrganization(new CreateOrganizationRequest("Bare", null, null, null), null).block();

		assertThat(server.lastRequest().body()).isEqualTo("{\"name\":\"Bare\"}");
		assertThat(server.lastRequest().header("Idempotency-Key")).isNull();
	}

	@Test
	void updateSendsOnlyWhatChangesAndExplicitNullsToClear() {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("tier", "gold");
		metadata.put("legacy", null);

		this.client
			.updateOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY",
					new UpdateOrganizationRequest(null, null, FieldUpdate.clear(), FieldUpdate.keep(), metadata))
			.block();

		RecordedRequest request = server.lastRequest();
		assertThat(request.method()).isEqualTo("PUT");
		assertThat(request.body()).isEqualTo("{\"external_id\":null,\"metadata\":{\"tier\":\"gold\",\"legacy\":null}}");
	}

	@Test
	void updateCanSetEveryField() {
		this.client
			.updateOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY",
					new UpdateOrganizationRequest("Foo Corp",
							List.of(new DomainData("foo-corp.com", DomainData.State.VERIFIED)),
							FieldUpdate.set("2fe01467-f7ea-4dd2-8b79-c2b4f56d0191"),
							FieldUpdate.set("cus_R9qWAGMQ6nGE7V"), Map.of("tier", "diamond")))
			.block();

		JsonNode expected = json.readTree(Fixtures.read("workos-go/testdata/update_organization.json"));
		JsonNode sent = json.readTree(server.lastRequest().body());
		assertThat(sent.propertyNames()).containsExactly("name", "domain_data", "external_id", "stripe_customer_id",
				"metadata");
		for (String field : sent.propertyNames()) {
			assertThat(sent.get(field)).as(field).isEqualTo(expected.get(field));
		}
	}

	@Test
	void listEncodesEveryParameterStrictly() {
		server.respond(StubResponse.json(200, Fixtures.read("workos-go/testdata/list_organization.json")));

		this.client
			.listOrganizations(new ListOrganizationsRequest(List.of("foo-corp.com", "example.com"), "R&D + Sales #1",
					25, ListOrder.ASC, null, "org_01EHWNCE74X7JSDV0X3SZ3KJNY"))
			.block();

		assertThat(server.lastRequest().uri()).isEqualTo("/organizations?domains=foo-corp.com%2Cexample.com"
				+ "&search=R%26D%20%2B%20Sales%20%231&limit=25&order=asc&after=org_01EHWNCE74X7JSDV0X3SZ3KJNY");
	}

	@Test
	void listWithDefaultsSendsNoParameters() {
		server.respond(StubResponse.json(200, Fixtures.read("workos-go/testdata/list_organization.json")));

		this.client.listOrganizations(ListOrganizationsRequest.firstPage()).block();

		assertThat(server.lastRequest().uri()).isEqualTo("/organizations");
	}

	@Test
	void deleteCompletesEmptyOnAnEmptyAcceptedResponse() {
		server.respond(new StubResponse(202, Map.of(), "", null));

		Object result = this.client.deleteOrganization("org_01EHWNCE74X7JSDV0X3SZ3KJNY").block();

		assertThat(result).isNull();
		assertThat(server.lastRequest().method()).isEqualTo("DELETE");
		assertThat(server.lastRequest().path()).isEqualTo("/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY");
	}

}
