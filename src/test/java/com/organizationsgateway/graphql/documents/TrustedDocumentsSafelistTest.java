package com.organizationsgateway.graphql.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code safelist} over HTTP against the running gateway, with the manifest Apollo's tool
 * generated and a flat map of ids to documents: listed documents run by
 * {@code documentId} (POST and GET, prefixed or bare), by Apollo's persisted query hash
 * and by their text; anything else is refused with Apollo Router's codes and statuses, an
 * APQ registration included, and counted by client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// The response cache would answer repeated requests before the trusted documents
		// see (and count) them.
		properties = { "gateway.graphql.trusted-documents.mode=safelist",
				"gateway.graphql.trusted-documents.client-names=ios-app",
				"gateway.graphql.response-cache.enabled=false" })
@DisabledIfSystemProperty(named = ApolloManifest.SKIP, matches = "true",
		disabledReason = "-Dtrusted-documents.skip=true: Apollo's manifest tool is not run")
class TrustedDocumentsSafelistTest {

	static final String FLAT_BY_SHA256 = "query FlatById($id: ID!) { organization(id: $id) { id name } }";

	static final String FLAT_BY_CUSTOM_ID = "query RelayStyle { organizations(first: 1) { edges { node { name } } } }";

	static final String CUSTOM_ID = "relay-0f3a9c";

	private static final Path FLAT = Path.of("target", "trusted-documents", "safelist", "flat.json");

	@LocalServerPort
	private int port;

	private GatewayCalls calls;

	private final Map<String, ApolloManifest.Operation> operations = ApolloManifest.operations();

	@DynamicPropertySource
	static void manifests(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(FLAT.getParent());
		Files.writeString(FLAT, "{\"sha256:" + Sha256.hex(FLAT_BY_SHA256) + "\": \"" + FLAT_BY_SHA256 + "\",\n \""
				+ CUSTOM_ID + "\": \"" + FLAT_BY_CUSTOM_ID + "\"}");
		registry.add("gateway.graphql.trusted-documents.manifests",
				() -> ApolloManifest.path() + "," + FLAT.toAbsolutePath());
	}

	@BeforeEach
	void connect() {
		this.calls = new GatewayCalls(this.port);
	}

	@Test
	void aListedDocumentRunsByItsDocumentIdInEitherFormOverPost() {
		ApolloManifest.Operation page = this.operations.get("OrganizationsPage");

		for (String id : List.of(page.documentId(), page.id(), page.documentId().toUpperCase())) {
			this.calls.post(GatewayCalls.body("documentId", id, "variables", Map.of("first", 2)))
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.organizations.edges.length()")
				.isEqualTo(2)
				.jsonPath("$.data.organizations.edges[0].node.__typename")
				.isEqualTo("Organization")
				.jsonPath("$.errors")
				.doesNotExist();
		}
	}

	@Test
	void aListedDocumentRunsByItsDocumentIdOverGetButAListedMutationDoesNot() {
		ApolloManifest.Operation page = this.operations.get("OrganizationsPage");
		ApolloManifest.Operation rename = this.operations.get("RenameOrganization");

		this.calls.get(Map.of("documentId", page.documentId(), "variables", "{\"first\":3}"))
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(3);
		this.calls.get(Map.of("documentId", rename.documentId(), "variables", "{\"id\":\"org_1\",\"name\":\"x\"}"))
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST");
	}

	@Test
	void aListedMutationRunsByItsDocumentIdOverPost() {
		String id = firstOrganizationId();

		this.calls
			.post(GatewayCalls.body("documentId", this.operations.get("RenameOrganization").documentId(), "variables",
					Map.of("id", id, "name", "Renamed by a trusted document")))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.updateOrganization.organization.name")
			.isEqualTo("Renamed by a trusted document");
		this.calls
			.post(GatewayCalls.body("documentId", this.operations.get("OrganizationDetails").documentId(), "variables",
					Map.of("id", id)))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organization.name")
			.isEqualTo("Renamed by a trusted document");
	}

	@Test
	void aListedDocumentRunsByApollosPersistedQueryHashWithoutRegistering() {
		ApolloManifest.Operation page = this.operations.get("OrganizationsPage");

		this.calls
			.post(GatewayCalls.body("extensions", GatewayCalls.apolloHash(page.id()), "variables", Map.of("first", 1)))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(1);
		this.calls
			.get(Map.of("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + page.id() + "\"}}",
					"variables", "{\"first\":1}"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(1);
	}

	@Test
	void aListedDocumentRunsByItsExactTextAndByATextThatDiffersOnlyInLayoutAndOrder() {
		ApolloManifest.Operation details = this.operations.get("OrganizationDetails");
		String id = firstOrganizationId();
		// the fragment first, on one line, with commas and a comment
		int fragment = details.body().indexOf("fragment");
		String reshaped = "# reformatted\n" + details.body().substring(fragment).replaceAll("\\s+", " ") + " "
				+ details.body().substring(0, fragment).replaceAll("\\s+", " , ");

		for (String text : List.of(details.body(), reshaped)) {
			this.calls.post(GatewayCalls.body("query", text, "variables", Map.of("id", id)))
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.organization.id")
				.isEqualTo(id);
		}
	}

	@Test
	void documentsOfTheFlatManifestRunByPrefixedAndCustomIds() {
		String id = firstOrganizationId();

		this.calls
			.post(GatewayCalls.body("documentId", "sha256:" + Sha256.hex(FLAT_BY_SHA256), "variables",
					Map.of("id", id)))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organization.id")
			.isEqualTo(id);
		this.calls.get(Map.of("documentId", CUSTOM_ID))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(1);
	}

	@Test
	void aDocumentThatIsNotListedIsRefusedWith403AndCountedByClient() {
		String unlisted = "{ organizations(first: 1) { edges { node { id } } } }";
		double before = this.calls.trustedDocuments("refused_not_in_safelist", "ios-app");
		double otherBefore = this.calls.trustedDocuments("refused_not_in_safelist", "other");

		this.calls.post(GatewayCalls.body("query", unlisted), "ios-app")
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("QUERY_NOT_IN_SAFELIST")
			.jsonPath("$.data")
			.doesNotExist();
		this.calls.post(GatewayCalls.body("query", unlisted), "ios-app").expectStatus().isForbidden();
		this.calls.post(GatewayCalls.body("query", unlisted), "a-scraper-" + System.nanoTime())
			.expectStatus()
			.isForbidden();

		assertThat(this.calls.trustedDocuments("refused_not_in_safelist", "ios-app")).isEqualTo(before + 2);
		assertThat(this.calls.trustedDocuments("refused_not_in_safelist", "other")).isEqualTo(otherBefore + 1);
	}

	@Test
	void anIdThatIsNotListedIsRefusedWith404() {
		String unknown = "sha256:" + Sha256.hex("{ organizations { edges { node { id } } } }");

		this.calls.post(GatewayCalls.body("documentId", unknown))
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
		this.calls.get(Map.of("documentId", "x-unknown:42")).expectStatus().isNotFound();
	}

	@Test
	void anApqRegistrationCannotCarryAnUnlistedDocumentPastTheList() {
		String unlisted = "query Sneaky { organizations(first: 5) { edges { node { id name } } } }";
		String hash = Sha256.hex(unlisted);

		this.calls.post(GatewayCalls.body("query", unlisted, "extensions", GatewayCalls.apolloHash(hash)))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("QUERY_NOT_IN_SAFELIST");
		this.calls.post(GatewayCalls.body("extensions", GatewayCalls.apolloHash(hash)))
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
	}

	@Test
	void aRequestWithBothADocumentIdAndADocumentIsRefused() {
		ApolloManifest.Operation page = this.operations.get("OrganizationsPage");

		this.calls
			.post(GatewayCalls.body("documentId", page.documentId(), "query", page.body(), "variables",
					Map.of("first", 1)))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_USER_INPUT")
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void aDocumentIdRunsOverServerSentEventsToo() {
		List<ServerSentEvent<Map<String, Object>>> events = WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(GatewayCalls.body("documentId", this.operations.get("OrganizationsPage").documentId(),
					"variables", Map.of("first", 2)))
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(events).extracting(ServerSentEvent::event).containsExactly("next", "complete");
		assertThat(events.get(0).data()).containsKey("data").doesNotContainKey("errors");
		assertThat(events.get(0).data().get("data").toString()).contains("__typename=OrganizationEdge");
	}

	@Test
	void graphiqlIsStillServed() {
		this.calls.getPath("/graphiql?path=/graphql").expectStatus().isOk();
	}

	private String firstOrganizationId() {
		return this.calls
			.post(GatewayCalls.body("documentId", this.operations.get("OrganizationsPage").documentId(), "variables",
					Map.of("first", 1)))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.toString()
			.replaceAll("(?s).*\\bid=([^,}]+).*", "$1");
	}

}
