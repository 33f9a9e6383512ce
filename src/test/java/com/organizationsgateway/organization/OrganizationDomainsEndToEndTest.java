package com.organizationsgateway.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The domain flow a frontend runs, over HTTP against the running gateway and its local
 * Organizations API: add a domain, read its token, publish the TXT record, verify, see
 * the organization hold the verified domain, remove it. Every mutation is visible to the
 * next read of the warm organization, a subscriber hears each change exactly once
 * although each also comes back as a webhook, and bad input costs no upstream call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.local-api.seed=false")
@AutoConfigureHttpGraphQlTester
@Import(OrganizationApiEndToEndTest.UpstreamRecording.class)
class OrganizationDomainsEndToEndTest {

	private static final Duration BOUND = Duration.ofSeconds(30);

	private static final String ORGANIZATION = """
			query($id: ID) {
			  organization(id: $id) { id name domains { id domain state verificationStrategy organizationId } }
			}""";

	private static final String SUBSCRIPTION = """
			subscription($id: ID) {
			  organizationChanged(id: $id) {
			    kind organizationId occurredAt organization { name domains { domain state } }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	UpstreamCalls upstream;

	@Autowired
	OrganizationChangeFeed feed;

	@LocalServerPort
	int port;

	private ChangeEvents events;

	@AfterEach
	void closeSubscription() {
		if (this.events != null) {
			this.events.close();
			await().atMost(BOUND).until(() -> this.feed.subscribers() == 0);
		}
	}

	@Test
	void addReadTokenPublishVerifyAndRemoveEachShowInTheNextReadAndReachSubscribersOnce() {
		String tag = tag();
		String domain = tag + ".example.com";
		String id = createOrganization(tag);
		assertThat(domains(id)).isEmpty();
		subscribe(id);

		GraphQlTester.Response added = this.graphQlTester.documentName("addOrganizationDomain")
			.variable("input", Map.of("organizationId", id, "domain", domain))
			.execute();
		Map<String, Object> pending = added.path("addOrganizationDomain.organizationDomain").entity(Map.class).get();
		String domainId = (String) pending.get("id");
		String token = (String) pending.get("verificationToken");
		assertThat(domainId).matches("org_domain_[0-9A-Z]{26}");
		assertThat(pending).containsEntry("domain", domain)
			.containsEntry("state", "PENDING")
			.containsEntry("verificationStrategy", "DNS")
			.containsEntry("organizationId", id);
		assertThat(token).matches("[A-Za-z0-9]{25}");
		added.path("addOrganizationDomain.organizationDomain.organization.domains[*].state")
			.entityList(String.class)
			.containsExactly("PENDING");
		assertThat(domains(id)).as("read-your-writes after add")
			.containsExactly(Map.of("id", domainId, "domain", domain, "state", "PENDING", "verificationStrategy", "DNS",
					"organizationId", id));

		GraphQlTester.Response read = this.graphQlTester.documentName("organizationDomain")
			.variable("id", domainId)
			.execute();
		read.path("organizationDomain.verificationToken").entity(String.class).isEqualTo(token);
		read.path("organizationDomain.verificationPrefix")
			.entity(String.class)
			.matches((prefix) -> prefix.startsWith("superapp-domain-verification-"));
		read.path("organizationDomain.organization.id").entity(String.class).isEqualTo(id);

		assertThat(verify(domainId)).as("nothing published yet").containsEntry("state", "PENDING");
		publishTxt(domain, "verification_token=" + token);
		Map<String, Object> verified = verify(domainId);
		assertThat(verified).containsEntry("state", "VERIFIED").containsEntry("verificationStrategy", "DNS");
		assertThat(Instant.parse((String) verified.get("updatedAt")))
			.isAfter(Instant.parse((String) pending.get("createdAt")));
		assertThat(domains(id)).as("read-your-writes after verify")
			.extracting((found) -> found.get("state"))
			.containsExactly("VERIFIED");
		this.graphQlTester
			.document("query($d: [String!]) { organizations(domains: $d, first: 10) { edges { node { id } } } }")
			.variable("d", List.of(domain))
			.execute()
			.path("organizations.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(id);

		GraphQlTester.Response removed = this.graphQlTester.documentName("removeOrganizationDomain")
			.variable("input", Map.of("id", domainId))
			.execute();
		removed.path("removeOrganizationDomain.removedOrganizationDomainId").entity(String.class).isEqualTo(domainId);
		removed.path("removeOrganizationDomain.organization.domains").entityList(Object.class).hasSize(0);
		assertThat(domains(id)).as("read-your-writes after remove").isEmpty();
		GraphQlResponse gone = this.graphQlTester.documentName("organizationDomain")
			.variable("id", domainId)
			.execute()
			.returnResponse();
		assertThat(gone.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
			assertThat(error.getMessage()).isEqualTo("Organization domain not found");
		});

		// A rename made directly in the local API reaches the gateway only as a webhook,
		// sent after those of the add, the verification and the removal: when it
		// arrives, any repeat of a domain change would have been announced before it.
		TestClients.toPort(this.port)
			.put()
			.uri("/organizations/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_local")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", tag + "-renamed"))
			.exchange()
			.expectStatus()
			.isOk();

		Map<String, Object> onAdd = this.events.next();
		Map<String, Object> onVerify = this.events.next();
		Map<String, Object> onRemove = this.events.next();
		Map<String, Object> onRename = this.events.next();
		for (Map<String, Object> event : List.of(onAdd, onVerify, onRemove, onRename)) {
			assertThat(event).containsEntry("kind", "UPDATED").containsEntry("organizationId", id);
		}
		assertThat(organization(onAdd).get("domains")).isEqualTo(List.of(Map.of("domain", domain, "state", "PENDING")));
		assertThat(onAdd.get("occurredAt")).isEqualTo(pending.get("updatedAt"));
		assertThat(organization(onVerify).get("domains"))
			.isEqualTo(List.of(Map.of("domain", domain, "state", "VERIFIED")));
		assertThat(onVerify.get("occurredAt")).isEqualTo(verified.get("updatedAt"));
		assertThat(organization(onRemove).get("domains")).isEqualTo(List.of());
		assertThat(organization(onRename)).as("no repeat of a domain change before the rename")
			.containsEntry("name", tag + "-renamed");
	}

	@Test
	void addingADomainHeldElsewhereIsAConflictOnTheDomainField() {
		String tag = tag();
		String domain = tag + ".example.com";
		String holder = createOrganization(tag + "-holder");
		String other = createOrganization(tag + "-other");
		this.graphQlTester.documentName("addOrganizationDomain")
			.variable("input", Map.of("organizationId", holder, "domain", domain))
			.execute()
			.path("addOrganizationDomain.organizationDomain.state")
			.entity(String.class)
			.isEqualTo("PENDING");

		GraphQlResponse conflict = this.graphQlTester.documentName("addOrganizationDomain")
			.variable("input", Map.of("organizationId", other, "domain", domain))
			.execute()
			.returnResponse();

		ResponseError error = conflict.getErrors().get(0);
		assertThat(error.getExtensions()).containsEntry("code", "CONFLICT").containsKey("requestId");
		assertThat(error.getExtensions().get("fieldErrors").toString()).contains("input.domain")
			.contains("domain_already_exists");
		assertThat(domains(other)).isEmpty();
	}

	@Test
	void verifyingAVerifiedDomainAndUnknownIdsAreReportedWithTheirCodes() {
		String tag = tag();
		String id = createOrganization(tag);
		String domainId = (String) this.graphQlTester.documentName("addOrganizationDomain")
			.variable("input", Map.of("organizationId", id, "domain", tag + ".example.com"))
			.execute()
			.path("addOrganizationDomain.organizationDomain")
			.entity(Map.class)
			.get()
			.get("id");
		publishTxt(tag + ".example.com",
				"verification_token=" + this.graphQlTester.documentName("organizationDomain")
					.variable("id", domainId)
					.execute()
					.path("organizationDomain.verificationToken")
					.entity(String.class)
					.get());
		verify(domainId);

		assertThat(errorCode(verifyResponse(domainId))).isEqualTo("BAD_USER_INPUT");
		String missingDomain = "org_domain_01ARZ3NDEKTSV4RRFFQ69G5FAV";
		assertThat(errorCode(verifyResponse(missingDomain))).isEqualTo("NOT_FOUND");
		assertThat(errorCode(this.graphQlTester.documentName("removeOrganizationDomain")
			.variable("input", Map.of("id", missingDomain))
			.execute()
			.returnResponse())).isEqualTo("NOT_FOUND");
		GraphQlResponse noOrganization = this.graphQlTester.documentName("addOrganizationDomain")
			.variable("input",
					Map.of("organizationId", "org_01ARZ3NDEKTSV4RRFFQ69G5FAV", "domain",
							"x-" + domainId.substring(11).toLowerCase() + ".example.com"))
			.execute()
			.returnResponse();
		assertThat(noOrganization.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getMessage()).isEqualTo("Organization not found"));
	}

	@Test
	void malformedIdsAndInvalidDomainNamesAreRefusedBeforeAnyUpstreamCall() {
		this.upstream.reset();
		List<String> documents = List.of("{ organizationDomain(id: \"org_01EHWNCE74X7JSDV0X3SZ3KJNY\") { id } }",
				"{ organizationDomain(id: \"org_domain_nope\") { id } }",
				"mutation { addOrganizationDomain(input: {organizationId: \"org_x\", domain: \"ok.example.com\"}) "
						+ "{ organizationDomain { id } } }",
				"mutation { addOrganizationDomain(input: {organizationId: \"org_01EHWNCE74X7JSDV0X3SZ3KJNY\", "
						+ "domain: \"not a domain\"}) { organizationDomain { id } } }",
				"mutation { addOrganizationDomain(input: {organizationId: \"org_01EHWNCE74X7JSDV0X3SZ3KJNY\", "
						+ "domain: \"nodot\"}) { organizationDomain { id } } }",
				"mutation { addOrganizationDomain(input: {organizationId: \"org_01EHWNCE74X7JSDV0X3SZ3KJNY\", "
						+ "domain: \"-bad-.example.com\"}) { organizationDomain { id } } }",
				"mutation { verifyOrganizationDomain(input: {id: \"../organizations\"}) { organizationDomain { id } } }",
				"mutation { removeOrganizationDomain(input: {id: \"org_domain_01EHWNCE74X7JSDV0X3SZ3KJN\"}) "
						+ "{ removedOrganizationDomainId } }");

		for (String document : documents) {
			GraphQlResponse response = this.graphQlTester.document(document).execute().returnResponse();
			assertThat(errorCode(response)).as(document).isEqualTo("BAD_USER_INPUT");
			assertThat(response.getErrors().get(0).getExtensions()).as(document).containsKey("fieldErrors");
		}
		assertThat(this.upstream.total()).isZero();
	}

	private String createOrganization(String name) {
		return this.graphQlTester.documentName("createOrganization")
			.variable("input", Map.of("name", name))
			.execute()
			.path("createOrganization.organization.id")
			.entity(String.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> domains(String id) {
		return (List<Map<String, Object>>) (List<?>) this.graphQlTester.document(ORGANIZATION)
			.variable("id", id)
			.execute()
			.path("organization.domains")
			.entityList(Map.class)
			.get();
	}

	private Map<String, Object> verify(String domainId) {
		return this.graphQlTester.documentName("verifyOrganizationDomain")
			.variable("input", Map.of("id", domainId))
			.execute()
			.path("verifyOrganizationDomain.organizationDomain")
			.entity(Map.class)
			.get();
	}

	private GraphQlResponse verifyResponse(String domainId) {
		return this.graphQlTester.documentName("verifyOrganizationDomain")
			.variable("input", Map.of("id", domainId))
			.execute()
			.returnResponse();
	}

	/** The domain owner's part, played through the local API's DNS stand-in. */
	private void publishTxt(String name, String value) {
		TestClients.toPort(this.port)
			.put()
			.uri("/local/dns/txt/{name}", name)
			.header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_local")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("values", List.of(value)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@SuppressWarnings("unchecked")
	private void subscribe(String id) {
		int before = this.feed.subscribers();
		this.events = ChangeEvents.of(TestClients.sse(this.port, SUBSCRIPTION, Map.of("id", id))
			.map((response) -> (Map<String, Object>) ((Map<String, Object>) response.get("data"))
				.get("organizationChanged")));
		await().atMost(BOUND).until(() -> this.feed.subscribers() > before);
	}

	private static String errorCode(GraphQlResponse response) {
		assertThat(response.getErrors()).hasSize(1);
		return (String) response.getErrors().get(0).getExtensions().get("code");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> organization(Map<String, Object> event) {
		return (Map<String, Object>) event.get("organization");
	}

	private static String tag() {
		return "dom" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
