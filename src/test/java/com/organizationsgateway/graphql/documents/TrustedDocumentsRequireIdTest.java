package com.organizationsgateway.graphql.documents;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * {@code require-id} over HTTP against the running gateway: listed documents run by id in
 * each form, and every document text is refused, a listed one and an APQ registration
 * included; GraphiQL is not served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.graphql.trusted-documents.mode=require-id",
				"gateway.graphql.response-cache.enabled=false" })
@DisabledIfSystemProperty(named = ApolloManifest.SKIP, matches = "true",
		disabledReason = "-Dtrusted-documents.skip=true: Apollo's manifest tool is not run")
class TrustedDocumentsRequireIdTest {

	@LocalServerPort
	private int port;

	private GatewayCalls calls;

	private final ApolloManifest.Operation page = ApolloManifest.operations().get("OrganizationsPage");

	@DynamicPropertySource
	static void manifests(DynamicPropertyRegistry registry) {
		registry.add("gateway.graphql.trusted-documents.manifests", () -> ApolloManifest.path().toString());
	}

	@BeforeEach
	void connect() {
		this.calls = new GatewayCalls(this.port);
	}

	@Test
	void listedDocumentsRunByDocumentIdOverPostAndGetAndByApollosHash() {
		this.calls.post(GatewayCalls.body("documentId", this.page.documentId(), "variables", Map.of("first", 2)))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(2);
		this.calls.get(Map.of("documentId", this.page.documentId(), "variables", "{\"first\":1}"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(1);
		this.calls
			.post(GatewayCalls.body("extensions", GatewayCalls.apolloHash(this.page.id()), "variables",
					Map.of("first", 3)))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(3);
	}

	@Test
	void aDocumentTextIsRefusedWith400EvenWhenItIsListed() {
		double before = this.calls.trustedDocuments("refused_id_required", "android-app");

		this.calls.post(GatewayCalls.body("query", this.page.body(), "variables", Map.of("first", 1)), "android-app")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ID_REQUIRED")
			.jsonPath("$.data")
			.doesNotExist();
		this.calls.get(Map.of("query", "{ organizations(first: 1) { edges { node { id } } } }"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ID_REQUIRED");

		assertThat(this.calls.trustedDocuments("refused_id_required", "android-app")).isEqualTo(before + 1);
	}

	@Test
	void anApqRegistrationOfAnUnlistedDocumentIsRefusedAndRegistersNothing() {
		String unlisted = "query Unlisted { organizations(first: 1) { edges { node { id } } } }";
		String hash = Sha256.hex(unlisted);

		for (int i = 0; i < 2; i++) {
			Map<String, Object> body = (i == 0)
					? GatewayCalls.body("query", unlisted, "extensions", GatewayCalls.apolloHash(hash))
					: GatewayCalls.body("extensions", GatewayCalls.apolloHash(hash));
			this.calls.post(body)
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
		}
	}

	@Test
	void graphiqlIsNotServedBecauseNothingTypedIntoItCouldRun() {
		this.calls.getPath("/graphiql")
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value(containsString("require-id"));
	}

}
