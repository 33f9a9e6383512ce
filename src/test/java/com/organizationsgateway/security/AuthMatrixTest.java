package com.organizationsgateway.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.organizationsgateway.TestClients;
import com.organizationsgateway.workos.StubWorkOsServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of caller against every operation, over HTTP, with JWTs signed by a key made
 * for this run and served as a JWK set from a loopback stub: who gets 401, who gets 403,
 * who gets through, and that no refused request reaches the upstream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(UpstreamCounter.Recording.class)
class AuthMatrixTest {

	static final String READ_KEY = "test-read-key-6b1d2f0a";

	static final String WRITE_KEY = "test-write-key-9c3e1a77";

	static final String MISSING_ID = "org_01ARZ3NDEKTSV4RRFFQ69G5FAV";

	static final String MISSING_DOMAIN_ID = "org_domain_01ARZ3NDEKTSV4RRFFQ69G5FAV";

	static final TestJwts jwts = new TestJwts();

	static final TestJwts otherIdp = new TestJwts();

	@RegisterExtension
	static final StubWorkOsServer jwks = new StubWorkOsServer();

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		jwts.serveAndTrust(jwks, registry);
		TestApiKeys.register(registry, 0, "reader-service", READ_KEY, Scopes.READ);
		// An operator may paste the hash in upper case.
		registry.add("gateway.security.api-keys[1].name", () -> "writer-service");
		registry.add("gateway.security.api-keys[1].sha256", () -> TestApiKeys.sha256(WRITE_KEY).toUpperCase());
		registry.add("gateway.security.api-keys[1].scopes", () -> Scopes.READ + "," + Scopes.WRITE);
	}

	@Autowired
	UpstreamCounter upstream;

	@LocalServerPort
	int port;

	enum Outcome {

		UNAUTHENTICATED, NO_SCOPES, READ_ONLY, READ_WRITE

	}

	record Caller(String name, Map<String, String> headers, Outcome outcome) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	record Operation(String name, String document, boolean mutation) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<Caller> callers() {
		Instant soon = Instant.now().plusSeconds(600);
		return List.of(new Caller("no credential", Map.of(), Outcome.UNAUTHENTICATED),
				new Caller("unknown API key", Map.of("X-API-Key", "not-a-configured-key"), Outcome.UNAUTHENTICATED),
				new Caller("unknown bearer token", bearer("not-a-configured-key"), Outcome.UNAUTHENTICATED),
				new Caller("malformed Authorization", Map.of(HttpHeaders.AUTHORIZATION, "Bearer a b c"),
						Outcome.UNAUTHENTICATED),
				new Caller("Basic credentials", Map.of(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz"),
						Outcome.UNAUTHENTICATED),
				new Caller("expired JWT",
						bearer(jwts.token(TestJwts.ISSUER, List.of(Scopes.READ, Scopes.WRITE),
								Instant.now().minusSeconds(3600))),
						Outcome.UNAUTHENTICATED),
				new Caller("wrong-issuer JWT",
						bearer(jwts.token("https://evil.test.invalid/", List.of(Scopes.READ, Scopes.WRITE), soon)),
						Outcome.UNAUTHENTICATED),
				new Caller("JWT signed by another key",
						bearer(otherIdp.token(TestJwts.ISSUER, List.of(Scopes.READ, Scopes.WRITE), soon)),
						Outcome.UNAUTHENTICATED),
				new Caller("JWT without scopes", bearer(jwts.valid()), Outcome.NO_SCOPES),
				new Caller("read-only JWT", bearer(jwts.valid(Scopes.READ)), Outcome.READ_ONLY),
				new Caller("read-write JWT", bearer(jwts.valid(Scopes.READ, Scopes.WRITE)), Outcome.READ_WRITE),
				new Caller("read-only API key (X-API-Key)", Map.of("X-API-Key", READ_KEY), Outcome.READ_ONLY),
				new Caller("read-only API key (Bearer)", bearer(READ_KEY), Outcome.READ_ONLY),
				new Caller("read-write API key (X-API-Key)", Map.of("X-API-Key", WRITE_KEY), Outcome.READ_WRITE),
				new Caller("read-write API key (Bearer)", bearer(WRITE_KEY), Outcome.READ_WRITE));
	}

	static List<Operation> operations() {
		return List.of(new Operation("organization", "{ organization(id: \"" + MISSING_ID + "\") { id } }", false),
				new Operation("organizations", "{ organizations(first: 2) { edges { node { id } } } }", false),
				new Operation("node", "{ node(id: \"" + MISSING_ID + "\") { id } }", false),
				new Operation("nodes", "{ nodes(ids: [\"" + MISSING_ID + "\"]) { id } }", false),
				new Operation("introspection", "{ __schema { queryType { name } } }", false),
				new Operation("createOrganization",
						"mutation { createOrganization(input: {name: \"Matrix %s\"}) { organization { id } } }", true),
				new Operation("updateOrganization",
						"mutation { updateOrganization(input: {id: \"" + MISSING_ID
								+ "\", name: \"x\"}) { organization { id } } }",
						true),
				new Operation("deleteOrganization",
						"mutation { deleteOrganization(input: {id: \"" + MISSING_ID
								+ "\"}) { deletedOrganizationId } }",
						true),
				new Operation("organizationDomain", "{ organizationDomain(id: \"" + MISSING_DOMAIN_ID + "\") { id } }",
						false),
				new Operation("addOrganizationDomain",
						"mutation { addOrganizationDomain(input: {organizationId: \"" + MISSING_ID
								+ "\", domain: \"matrix-%s.example.com\"}) { organizationDomain { id } } }",
						true),
				new Operation("verifyOrganizationDomain",
						"mutation { verifyOrganizationDomain(input: {id: \"" + MISSING_DOMAIN_ID
								+ "\"}) { organizationDomain { id } } }",
						true),
				new Operation("removeOrganizationDomain", "mutation { removeOrganizationDomain(input: {id: \""
						+ MISSING_DOMAIN_ID + "\"}) { removedOrganizationDomainId } }", true));
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Caller caller : callers()) {
			for (Operation operation : operations()) {
				cases.add(Arguments.of(caller, operation));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} / {1}")
	@MethodSource("matrix")
	void everyCallerAgainstEveryOperation(Caller caller, Operation operation) {
		this.upstream.reset();
		WebTestClient.ResponseSpec response = post(caller.headers(), operation.document().formatted(UUID.randomUUID()));

		assertOutcome(caller, operation, response);
	}

	static Stream<Arguments> queriesOverGet() {
		return matrix().filter((arguments) -> !((Operation) arguments.get()[1]).mutation());
	}

	/** GET /graphql runs queries too, so it must refuse exactly what POST refuses. */
	@ParameterizedTest(name = "GET {0} / {1}")
	@MethodSource("queriesOverGet")
	void everyCallerAgainstEveryQueryOverGet(Caller caller, Operation operation) {
		this.upstream.reset();
		WebTestClient.ResponseSpec response = TestClients.toPort(this.port)
			.get()
			.uri((uri) -> uri.path("/graphql").queryParam("query", "{query}").build(operation.document()))
			.accept(MediaType.APPLICATION_JSON)
			.headers((http) -> caller.headers().forEach(http::set))
			.exchange();

		assertOutcome(caller, operation, response);
	}

	private void assertOutcome(Caller caller, Operation operation, WebTestClient.ResponseSpec response) {
		boolean allowed = caller.outcome() == Outcome.READ_WRITE
				|| (caller.outcome() == Outcome.READ_ONLY && !operation.mutation());
		if (caller.outcome() == Outcome.UNAUTHENTICATED) {
			response.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).startsWith("Bearer"))
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("UNAUTHENTICATED")
				.jsonPath("$.data")
				.doesNotExist();
			assertThat(this.upstream.total()).as("upstream calls").isZero();
		}
		else if (!allowed) {
			response.expectStatus()
				.isForbidden()
				.expectHeader()
				.value(HttpHeaders.WWW_AUTHENTICATE,
						(value) -> assertThat(value).contains("insufficient_scope")
							.contains(operation.mutation() ? Scopes.WRITE : Scopes.READ))
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("FORBIDDEN")
				.jsonPath("$.data")
				.doesNotExist();
			assertThat(this.upstream.total()).as("upstream calls").isZero();
		}
		else {
			response.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.errors[?(@.extensions.code == 'UNAUTHENTICATED' || @.extensions.code == 'FORBIDDEN')]")
				.doesNotExist();
			if (operation.mutation()) {
				// it got through to WorkOS: created, or NOT_FOUND for the made-up id
				assertThat(this.upstream.total()).as("upstream calls").isPositive();
			}
		}
	}

	private WebTestClient.ResponseSpec post(Map<String, String> headers, String document) {
		return TestClients.toPort(this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.headers((http) -> headers.forEach(http::set))
			.bodyValue(Map.of("query", document))
			.exchange();
	}

	private static Map<String, String> bearer(String token) {
		return Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

}
