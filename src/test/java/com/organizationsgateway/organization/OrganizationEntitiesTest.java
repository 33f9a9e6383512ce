package com.organizationsgateway.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;
import com.organizationsgateway.security.TestApiKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as an Apollo Federation 2 subgraph, asked the way a router asks: the
 * {@code _entities} cases of Apollo's subgraph compatibility suite (one key, the other
 * key, several representations at once, unknown ids, a type this subgraph does not own),
 * what they cost upstream, who may ask, and {@code _service { sdl }}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.local-api.seed=false")
@Import(OrganizationApiEndToEndTest.UpstreamRecording.class)
class OrganizationEntitiesTest {

	static final String READ_KEY = "entities-read-key-51c0e2";

	static final String WRITE_ONLY_KEY = "entities-write-key-7fa9d3";

	static final String MISSING_ID = "org_01ARZ3NDEKTSV4RRFFQ69G5FAV";

	static final String ENTITIES = """
			query($representations: [_Any!]!) {
			  _entities(representations: $representations) {
			    __typename
			    ... on Organization { id name externalId domains { domain } }
			  }
			}""";

	@DynamicPropertySource
	static void apiKeys(DynamicPropertyRegistry registry) {
		TestApiKeys.register(registry, 0, "router", READ_KEY, "organizations:read");
		TestApiKeys.register(registry, 1, "admin", WRITE_ONLY_KEY, "organizations:write");
	}

	@Autowired
	UpstreamCalls upstream;

	@LocalServerPort
	int port;

	@Test
	void anEntityIsResolvedByItsId() {
		String tag = tag();
		String id = create(tag, "ext-" + tag);

		GraphQlResponse response = entities(List.of(Map.of("__typename", "Organization", "id", id)));

		assertThat(response.getErrors()).isEmpty();
		assertThat(response.field("_entities[0].__typename").<String>getValue()).isEqualTo("Organization");
		assertThat(response.field("_entities[0].id").<String>getValue()).isEqualTo(id);
		assertThat(response.field("_entities[0].name").<String>getValue()).isEqualTo(tag);
		assertThat(response.field("_entities[0].domains[0].domain").<String>getValue()).isEqualTo(tag + ".example.com");
	}

	@Test
	void anEntityIsResolvedByItsExternalId() {
		String tag = tag();
		String id = create(tag, "ext-" + tag);

		GraphQlResponse response = entities(List.of(Map.of("__typename", "Organization", "externalId", "ext-" + tag)));

		assertThat(response.getErrors()).isEmpty();
		assertThat(response.field("_entities[0].id").<String>getValue()).isEqualTo(id);
		assertThat(response.field("_entities[0].externalId").<String>getValue()).isEqualTo("ext-" + tag);
	}

	@Test
	void manyRepresentationsComeBackInOrderAtOneUpstreamCallPerUncachedOrganization() {
		String first = tag();
		String second = tag();
		String firstId = create(first, "ext-" + first);
		String secondId = create(second, "ext-" + second);
		this.upstream.reset();
		List<Map<String, Object>> representations = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			representations.add(Map.of("__typename", "Organization", "id", firstId));
			representations.add(Map.of("__typename", "Organization", "id", secondId));
		}
		representations.add(Map.of("__typename", "Organization", "externalId", "ext-" + second));

		GraphQlResponse response = entities(representations);

		assertThat(response.getErrors()).isEmpty();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < representations.size(); i++) {
			names.add(response.field("_entities[" + i + "].name").getValue());
		}
		assertThat(names).containsExactly(first, second, first, second, first, second, first, second, first, second,
				second);
		assertThat(this.upstream.count("GET /organizations/" + firstId)).isEqualTo(1);
		assertThat(this.upstream.count("GET /organizations/" + secondId)).isEqualTo(1);

		this.upstream.reset();
		GraphQlResponse again = entities(representations.subList(0, 2));
		assertThat(again.field("_entities[1].id").<String>getValue()).isEqualTo(secondId);
		assertThat(this.upstream.total()).as("upstream calls for organizations already cached").isZero();
	}

	@Test
	void unknownIdsAreNullEntriesWithNotFoundErrorsAtTheirPositions() {
		String tag = tag();
		String id = create(tag, null);

		GraphQlResponse response = entities(List.of(Map.of("__typename", "Organization", "id", MISSING_ID),
				Map.of("__typename", "Organization", "id", id),
				Map.of("__typename", "Organization", "externalId", "nobody-has-" + tag)));

		assertThat(response.field("_entities[0]").<Object>getValue()).isNull();
		assertThat(response.field("_entities[1].name").<String>getValue()).isEqualTo(tag);
		assertThat(response.field("_entities[2]").<Object>getValue()).isNull();
		assertThat(response.getErrors()).hasSize(2);
		assertThat(response.getErrors()).extracting(ResponseError::getPath)
			.containsExactlyInAnyOrder("_entities[0]", "_entities[2]");
		assertThat(response.getErrors()).allSatisfy((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
			assertThat(error.getMessage()).isEqualTo("Organization not found");
		});
	}

	@Test
	void aRepresentationOfAnotherTypeOrAMalformedIdIsRefusedAtItsPositionWithoutAnUpstreamCall() {
		this.upstream.reset();

		GraphQlResponse response = entities(List.of(Map.of("__typename", "User", "id", "u1"),
				Map.of("__typename", "Organization", "id", "not-an-organization-id"),
				Map.of("__typename", "Organization")));

		assertThat(response.field("_entities").<List<Object>>getValue()).containsExactly(null, null, null);
		assertThat(response.getErrors()).extracting(ResponseError::getPath)
			.containsExactlyInAnyOrder("_entities[0]", "_entities[1]", "_entities[2]");
		assertThat(response.getErrors())
			.allSatisfy((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT"));
		assertThat(response.getErrors()).noneSatisfy((error) -> assertThat(error.getMessage())
			.containsAnyOf("Exception", "org.springframework", "Entity fetcher"));
		assertThat(this.upstream.total()).isZero();
	}

	@Test
	void theSubgraphSchemaDeclaresOrganizationAnEntityByBothKeys() {
		GraphQlResponse response = tester(READ_KEY).document("{ _service { sdl } }").execute().returnResponse();

		assertThat(response.getErrors()).isEmpty();
		String sdl = response.field("_service.sdl").getValue();
		assertThat(sdl).contains("url : \"https://specs.apollo.dev/federation/v2.3\"")
			.contains("type Organization implements Node @key(fields : \"id\", resolvable : true) "
					+ "@key(fields : \"externalId\", resolvable : true)")
			.contains("_entities(representations: [_Any!]!): [_Entity]!");
	}

	@Test
	void entitiesAndTheServiceSdlNeedTheReadScope() {
		String id = create(tag(), null);
		this.upstream.reset();
		String document = "{ _entities(representations: [{__typename: \"Organization\", id: \"" + id
				+ "\"}]) { ... on Organization { name } } _service { sdl } }";

		TestClients.toPort(this.port)
			.post()
			.uri("/graphql")
			.bodyValue(Map.of("query", document))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		TestClients.toPort(this.port)
			.post()
			.uri("/graphql")
			.header("X-API-Key", WRITE_ONLY_KEY)
			.bodyValue(Map.of("query", document))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.FORBIDDEN)
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("FORBIDDEN")
			.jsonPath("$.errors[0].extensions.requiredScope")
			.isEqualTo("organizations:read");
		assertThat(this.upstream.total()).isZero();
	}

	@Test
	void representationsOverTheCostLimitAreRefusedBeforeAnyUpstreamCall() {
		List<Map<String, Object>> representations = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			representations
				.add(Map.of("__typename", "Organization", "id", String.format("org_01ARZ3NDEKTSV4RRFFQ69G%04d", i)));
		}
		this.upstream.reset();

		GraphQlResponse response = entities(representations);

		assertThat(response.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getMessage()).contains("maximum query complexity exceeded"));
		assertThat(this.upstream.total()).isZero();
		assertThat(entities(representations.subList(0, 3)).getErrors()).hasSize(3)
			.allSatisfy((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND"));
	}

	private GraphQlResponse entities(List<? extends Map<String, ?>> representations) {
		return tester(READ_KEY).document(ENTITIES)
			.variable("representations", representations)
			.execute()
			.returnResponse();
	}

	private String create(String name, String externalId) {
		Map<String, Object> input = new java.util.HashMap<>();
		input.put("name", name);
		input.put("domainData", List.of(Map.of("domain", name + ".example.com", "state", "VERIFIED")));
		if (externalId != null) {
			input.put("externalId", externalId);
		}
		return tester(WRITE_ONLY_KEY).documentName("createOrganization")
			.variable("input", input)
			.execute()
			.path("createOrganization.organization.id")
			.entity(String.class)
			.get();
	}

	private HttpGraphQlTester tester(String apiKey) {
		return HttpGraphQlTester.create(TestClients.toPort(this.port))
			.mutate()
			.url("http://127.0.0.1:" + this.port + "/graphql")
			.header("X-API-Key", apiKey)
			.build();
	}

	private static String tag() {
		return "fed-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
