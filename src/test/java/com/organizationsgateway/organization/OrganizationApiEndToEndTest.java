package com.organizationsgateway.organization;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole gateway over HTTP against its embedded local Organizations API: every
 * operation, paging walks both ways, read-your-writes, the error codes, and the upstream
 * calls the cache and the DataLoader save, counted in the gateway's own WebClient.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.local-api.seed=false")
@AutoConfigureHttpGraphQlTester
@Import(OrganizationApiEndToEndTest.UpstreamRecording.class)
class OrganizationApiEndToEndTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	WebTestClient webTestClient;

	@Autowired
	UpstreamCalls upstream;

	@Autowired
	MeterRegistry meterRegistry;

	@LocalServerPort
	int port;

	@Test
	void createThenReadByIdExternalIdNodeAndList() {
		String tag = tag();
		Map<String, Object> created = create(tag + "-acme", "ext-" + tag,
				Map.of("domainData", List.of(Map.of("domain", tag + ".example.com", "state", "VERIFIED")), "metadata",
						List.of(Map.of("key", "tier", "value", "gold"), Map.of("key", "a", "value", "1"))));
		String id = (String) created.get("id");
		assertThat(id).matches("org_[0-9A-Z]{26}");
		GraphQlTester.Response byId = this.graphQlTester.documentName("organizationById").variable("id", id).execute();
		byId.path("organization.name").entity(String.class).isEqualTo(tag + "-acme");
		byId.path("organization.externalId").entity(String.class).isEqualTo("ext-" + tag);
		byId.path("organization.domains[0].domain").entity(String.class).isEqualTo(tag + ".example.com");
		byId.path("organization.domains[0].state").entity(String.class).isEqualTo("VERIFIED");
		byId.path("organization.metadata[*].key").entityList(String.class).containsExactly("a", "tier");
		byId.path("organization.createdAt").entity(String.class).matches((value) -> value.endsWith("Z"));
		this.graphQlTester.document("query($e: String) { organization(externalId: $e) { id } }")
			.variable("e", "ext-" + tag)
			.execute()
			.path("organization.id")
			.entity(String.class)
			.isEqualTo(id);
		GraphQlTester.Response node = this.graphQlTester
			.document("query($id: ID!) { node(id: $id) { __typename id } nodes(ids: [$id, \"x\", $id]) { id } }")
			.variable("id", id)
			.execute();
		node.path("node.__typename").entity(String.class).isEqualTo("Organization");
		node.path("nodes[0].id").entity(String.class).isEqualTo(id);
		node.path("nodes[1]").valueIsNull();
		node.path("nodes[2].id").entity(String.class).isEqualTo(id);
		assertThat(searchIds(tag)).containsExactly(id);
	}

	@Test
	void updatesAreVisibleToTheNextRead() {
		String tag = tag();
		String id = (String) create(tag + "-before", "old-" + tag,
				Map.of("metadata", List.of(Map.of("key", "keep", "value", "1"), Map.of("key", "drop", "value", "2"))))
			.get("id");
		// Warm every cache the update has to invalidate.
		readName(id);
		this.graphQlTester.document("query($e: String) { organization(externalId: $e) { id } }")
			.variable("e", "old-" + tag)
			.execute()
			.path("organization.id")
			.entity(String.class)
			.isEqualTo(id);
		assertThat(searchIds(tag)).containsExactly(id);
		Map<String, Object> dropped = new HashMap<>();
		dropped.put("key", "drop");
		dropped.put("value", null);
		GraphQlTester.Response updated = this.graphQlTester.documentName("updateOrganization")
			.variable("input",
					Map.of("id", id, "name", tag + "-after", "externalId", "new-" + tag, "stripeCustomerId",
							"cus_" + tag, "metadata", List.of(dropped, Map.of("key", "added", "value", "3"))))
			.execute();
		updated.path("updateOrganization.organization.name").entity(String.class).isEqualTo(tag + "-after");
		assertThat(readName(id)).isEqualTo(tag + "-after");
		GraphQlTester.Response read = this.graphQlTester
			.document("query($id: ID) { organization(id: $id) { stripeCustomerId metadata { key value } } }")
			.variable("id", id)
			.execute();
		read.path("organization.stripeCustomerId").entity(String.class).isEqualTo("cus_" + tag);
		read.path("organization.metadata[*].key").entityList(String.class).containsExactly("added", "keep");
		assertThat(errorCode(this.graphQlTester.document("query($e: String) { organization(externalId: $e) { id } }")
			.variable("e", "old-" + tag)
			.execute()
			.returnResponse())).isEqualTo("NOT_FOUND");
		this.graphQlTester.document("query($e: String) { organization(externalId: $e) { name } }")
			.variable("e", "new-" + tag)
			.execute()
			.path("organization.name")
			.entity(String.class)
			.isEqualTo(tag + "-after");
		// Explicit nulls clear; omitted fields stay.
		Map<String, Object> clearing = new HashMap<>();
		clearing.put("id", id);
		clearing.put("externalId", null);
		clearing.put("stripeCustomerId", null);
		this.graphQlTester.documentName("updateOrganization").variable("input", clearing).execute();
		GraphQlTester.Response cleared = this.graphQlTester.documentName("organizationById")
			.variable("id", id)
			.execute();
		cleared.path("organization.externalId").valueIsNull();
		cleared.path("organization.stripeCustomerId").valueIsNull();
		cleared.path("organization.name").entity(String.class).isEqualTo(tag + "-after");
		assertThat(errorCode(this.graphQlTester.document("query($e: String) { organization(externalId: $e) { id } }")
			.variable("e", "new-" + tag)
			.execute()
			.returnResponse())).isEqualTo("NOT_FOUND");
		assertThat(searchNames(tag)).containsExactly(tag + "-after");
	}

	@Test
	void deletesAreVisibleToTheNextRead() {
		String tag = tag();
		String id = (String) create(tag + "-doomed", "ext-" + tag, Map.of()).get("id");
		readName(id);
		assertThat(searchIds(tag)).containsExactly(id);
		this.graphQlTester.documentName("deleteOrganization")
			.variable("input", Map.of("id", id))
			.execute()
			.path("deleteOrganization.deletedOrganizationId")
			.entity(String.class)
			.isEqualTo(id);
		GraphQlResponse gone = this.graphQlTester.documentName("organizationById")
			.variable("id", id)
			.execute()
			.returnResponse();
		assertThat(gone.field("organization").<Object>getValue()).isNull();
		assertThat(errorCode(gone)).isEqualTo("NOT_FOUND");
		assertThat(searchIds(tag)).isEmpty();
		GraphQlResponse again = this.graphQlTester.documentName("deleteOrganization")
			.variable("input", Map.of("id", id))
			.execute()
			.returnResponse();
		assertThat(errorCode(again)).isEqualTo("NOT_FOUND");
	}

	@Test
	void pagingWalksEveryOrganizationExactlyOnceInBothDirections() {
		String tag = tag();
		List<String> createdOldestFirst = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			createdOldestFirst.add((String) create(tag + "-" + i, null, Map.of()).get("id"));
		}
		List<String> newestFirst = new ArrayList<>(createdOldestFirst);
		Collections.reverse(newestFirst);

		List<String> forward = new ArrayList<>();
		String after = null;
		int pages = 0;
		while (true) {
			Map<String, Object> variables = new HashMap<>(Map.of("first", 5, "search", tag));
			variables.put("after", after);
			Page page = page(variables);
			assertThat(page.hasPreviousPage()).isEqualTo(pages > 0);
			forward.addAll(page.ids());
			pages++;
			if (!page.hasNextPage()) {
				break;
			}
			after = page.endCursor();
		}
		assertThat(pages).isEqualTo(5);
		assertThat(forward).containsExactlyElementsOf(newestFirst);

		List<String> backward = new ArrayList<>();
		String before = null;
		pages = 0;
		while (true) {
			Map<String, Object> variables = new HashMap<>(Map.of("last", 5, "search", tag));
			variables.put("before", before);
			Page page = page(variables);
			assertThat(page.hasNextPage()).isEqualTo(pages > 0);
			backward.addAll(0, page.ids());
			pages++;
			if (!page.hasPreviousPage()) {
				break;
			}
			before = page.startCursor();
		}
		assertThat(pages).isEqualTo(5);
		assertThat(backward).containsExactlyElementsOf(newestFirst);

		List<String> ascending = new ArrayList<>();
		after = null;
		do {
			Map<String, Object> variables = new HashMap<>(Map.of("first", 10, "search", tag, "order", "ASC"));
			variables.put("after", after);
			Page page = page(variables);
			ascending.addAll(page.ids());
			after = page.hasNextPage() ? page.endCursor() : null;
		}
		while (after != null);
		assertThat(ascending).containsExactlyElementsOf(createdOldestFirst);

		Page lastThree = page(Map.of("last", 3, "search", tag, "order", "ASC"));
		assertThat(lastThree.ids()).containsExactlyElementsOf(createdOldestFirst.subList(20, 23));
		assertThat(lastThree.hasPreviousPage()).isTrue();
		assertThat(lastThree.hasNextPage()).isFalse();
		Page defaultPage = page(Map.of("search", tag));
		assertThat(defaultPage.ids()).containsExactlyElementsOf(newestFirst.subList(0, 10));
	}

	@Test
	void aWarmReadCostsNoUpstreamCall() {
		String id = (String) create(tag(), null, Map.of()).get("id");
		readName(id);
		this.upstream.reset();
		readName(id);
		assertThat(this.upstream.count("GET /organizations/" + id)).isZero();
		assertThat(this.upstream.total()).isZero();
		assertThat(this.meterRegistry.get("cache.gets")
			.tag("cache", "organizations")
			.tag("result", "hit")
			.functionCounter()
			.count()).isPositive();
	}

	@Test
	void tenAliasesOfOneIdCostOneUpstreamCall() {
		String id = (String) create(tag(), null, Map.of()).get("id");
		this.upstream.reset();
		StringBuilder query = new StringBuilder("query($id: ID) {");
		for (int i = 0; i < 10; i++) {
			query.append(" a").append(i).append(": organization(id: $id) { id name }");
		}
		GraphQlResponse response = this.graphQlTester.document(query.append(" }").toString())
			.variable("id", id)
			.execute()
			.returnResponse();
		assertThat(response.getErrors()).isEmpty();
		assertThat(response.field("a9.id").<String>getValue()).isEqualTo(id);
		assertThat(this.upstream.count("GET /organizations/" + id)).isEqualTo(1);
		assertThat(this.upstream.total()).isEqualTo(1);
	}

	@Test
	void fiftyConcurrentColdReadsOfOneIdCostOneUpstreamCall() {
		String tag = tag();
		String id = (String) create(tag, null, Map.of()).get("id");
		this.upstream.reset();
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		String body = "{\"query\":\"{ organization(id: \\\"" + id + "\\\") { name } }\"}";
		List<String> responses = Flux.range(0, 50)
			.flatMap((i) -> client.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.retrieve()
				.bodyToMono(String.class), 50)
			.collectList()
			.block(TIMEOUT);
		assertThat(responses).hasSize(50).allMatch((response) -> response.contains("\"name\":\"" + tag + "\""));
		assertThat(this.upstream.count("GET /organizations/" + id)).isEqualTo(1);
	}

	@Test
	void invalidArgumentsCostNoUpstreamCall() {
		this.upstream.reset();
		List<String> documents = List.of("{ organization { id } }",
				"{ organization(id: \"org_01EHWNCE74X7JSDV0X3SZ3KJNY\", externalId: \"x\") { id } }",
				"{ organization(id: \"org_nope\") { id } }", "{ organizations(first: 101) { edges { cursor } } }",
				"{ organizations(first: 2, last: 2) { edges { cursor } } }",
				"{ organizations(after: \"garbage\") { edges { cursor } } }",
				"mutation { createOrganization(input: {name: \" \"}) { organization { id } } }",
				"mutation { updateOrganization(input: {id: \"org_x\"}) { organization { id } } }",
				"mutation { deleteOrganization(input: {id: \"org_x\"}) { deletedOrganizationId } }");
		for (String document : documents) {
			assertThat(errorCode(this.graphQlTester.document(document).execute().returnResponse())).as(document)
				.isEqualTo("BAD_USER_INPUT");
		}
		assertThat(this.upstream.total()).isZero();
	}

	@Test
	void conflictsAreReportedWithTheUpstreamRequestId() {
		String tag = tag();
		create(tag + "-first", "ext-" + tag,
				Map.of("domainData", List.of(Map.of("domain", tag + ".example.com", "state", "PENDING"))));
		GraphQlResponse sameExternalId = this.graphQlTester.documentName("createOrganization")
			.variable("input", Map.of("name", tag + "-second", "externalId", "ext-" + tag))
			.execute()
			.returnResponse();
		ResponseError error = sameExternalId.getErrors().get(0);
		assertThat(error.getExtensions()).containsEntry("code", "CONFLICT").containsKey("requestId");
		assertThat(error.getExtensions().get("fieldErrors").toString()).contains("input.externalId");
		GraphQlResponse sameDomain = this.graphQlTester.documentName("createOrganization")
			.variable("input",
					Map.of("name", tag + "-third", "domainData",
							List.of(Map.of("domain", tag + ".example.com", "state", "PENDING"))))
			.execute()
			.returnResponse();
		assertThat(errorCode(sameDomain)).isEqualTo("CONFLICT");
		assertThat(sameDomain.field("createOrganization").<Object>getValue()).isNull();
	}

	@Test
	void notFoundCarriesTheUpstreamRequestId() {
		GraphQlResponse response = this.graphQlTester.documentName("organizationById")
			.variable("id", TestOrganizations.newId())
			.execute()
			.returnResponse();
		assertThat(response.field("organization").<Object>getValue()).isNull();
		assertThat(response.getErrors().get(0).getExtensions()).containsEntry("code", "NOT_FOUND")
			.hasEntrySatisfying("requestId", (requestId) -> assertThat((String) requestId).startsWith("req_"));
	}

	@Test
	void upstreamFailuresMapToRateLimitedAndUpstreamUnavailable() {
		String limited = TestOrganizations.newId();
		String down = TestOrganizations.newId();
		String refused = TestOrganizations.newId();
		this.upstream.fail("/organizations/" + limited, HttpStatus.TOO_MANY_REQUESTS);
		this.upstream.fail("/organizations/" + down, HttpStatus.SERVICE_UNAVAILABLE);
		this.upstream.fail("/organizations/" + refused, HttpStatus.UNAUTHORIZED);
		ResponseError rateLimited = this.graphQlTester.documentName("organizationById")
			.variable("id", limited)
			.execute()
			.returnResponse()
			.getErrors()
			.get(0);
		assertThat(rateLimited.getExtensions()).containsEntry("code", "RATE_LIMITED")
			.containsEntry("retryAfterSeconds", 7)
			.containsEntry("requestId", "req_injected");
		for (String id : List.of(down, refused)) {
			ResponseError unavailable = this.graphQlTester.documentName("organizationById")
				.variable("id", id)
				.execute()
				.returnResponse()
				.getErrors()
				.get(0);
			assertThat(unavailable.getExtensions()).containsEntry("code", "UPSTREAM_UNAVAILABLE");
			assertThat(unavailable.getMessage()).isEqualTo("The upstream Organizations API is unavailable");
		}
	}

	@Test
	void documentsThatDoNotParseOrValidateGetCodes() {
		this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ organization(id: "))
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("GRAPHQL_PARSE_FAILED");
		this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ organization(id: \"x\") { doesNotExist } }"))
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("GRAPHQL_VALIDATION_FAILED");
	}

	@Test
	void schemaPrinterAndGraphiqlAreServed() {
		this.webTestClient.get()
			.uri("/graphql/schema")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((schema) -> assertThat(schema).contains("type OrganizationConnection"));
		this.webTestClient.get().uri("/graphiql").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void noReadAfterAnAcknowledgedUpdateReturnsAnOlderValue() throws Exception {
		String id = (String) create("v0", null, Map.of()).get("id");
		AtomicInteger acknowledged = new AtomicInteger();
		AtomicBoolean writing = new AtomicBoolean(true);
		ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
		AtomicInteger reads = new AtomicInteger();
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		String body = "{\"query\":\"{ organization(id: \\\"" + id + "\\\") { name } }\"}";
		ExecutorService readers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int r = 0; r < 4; r++) {
				running.add(readers.submit(() -> {
					while (writing.get()) {
						int floor = acknowledged.get();
						String response = client.post()
							.uri("/graphql")
							.contentType(MediaType.APPLICATION_JSON)
							.bodyValue(body)
							.retrieve()
							.bodyToMono(String.class)
							.block(TIMEOUT);
						int seen = Integer.parseInt(response.replaceAll("(?s).*\"name\":\"v(\\d+)\".*", "$1"));
						reads.incrementAndGet();
						if (seen < floor) {
							violations.add("read v" + seen + " after v" + floor + " was acknowledged");
						}
					}
				}));
			}
			for (int version = 1; version <= 15; version++) {
				this.graphQlTester.documentName("updateOrganization")
					.variable("input", Map.of("id", id, "name", "v" + version))
					.execute()
					.path("updateOrganization.organization.name")
					.entity(String.class)
					.isEqualTo("v" + version);
				acknowledged.set(version);
			}
			writing.set(false);
			for (Future<?> reader : running) {
				reader.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(violations).isEmpty();
		assertThat(reads.get()).isGreaterThan(15);
		assertThat(readName(id)).isEqualTo("v15");
	}

	private Map<String, Object> create(String name, String externalId, Map<String, Object> more) {
		Map<String, Object> input = new HashMap<>(more);
		input.put("name", name);
		if (externalId != null) {
			input.put("externalId", externalId);
		}
		return this.graphQlTester.documentName("createOrganization")
			.variable("input", input)
			.execute()
			.path("createOrganization.organization")
			.entity(Map.class)
			.get();
	}

	private String readName(String id) {
		return this.graphQlTester.document("query($id: ID) { organization(id: $id) { name } }")
			.variable("id", id)
			.execute()
			.path("organization.name")
			.entity(String.class)
			.get();
	}

	private List<String> searchIds(String search) {
		return page(Map.of("search", search, "first", 100)).ids();
	}

	private List<String> searchNames(String search) {
		return this.graphQlTester
			.document("query($s: String) { organizations(search: $s, first: 100) { edges { node { name } } } }")
			.variable("s", search)
			.execute()
			.path("organizations.edges[*].node.name")
			.entityList(String.class)
			.get();
	}

	private Page page(Map<String, Object> variables) {
		GraphQlTester.Request<?> request = this.graphQlTester.documentName("organizationPage");
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		GraphQlTester.Response response = request.execute();
		Map<String, Object> pageInfo = response.path("organizations.pageInfo").entity(Map.class).get();
		return new Page(response.path("organizations.edges[*].node.id").entityList(String.class).get(),
				(Boolean) pageInfo.get("hasNextPage"), (Boolean) pageInfo.get("hasPreviousPage"),
				(String) pageInfo.get("startCursor"), (String) pageInfo.get("endCursor"));
	}

	private static String errorCode(GraphQlResponse response) {
		assertThat(response.getErrors()).hasSize(1);
		return (String) response.getErrors().get(0).getExtensions().get("code");
	}

	/**
	 * A unique name part, so that tests sharing one upstream never see each other's data.
	 */
	private static String tag() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	record Page(List<String> ids, boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class UpstreamRecording {

		@Bean
		UpstreamCalls upstreamCalls() {
			return new UpstreamCalls();
		}

		@Bean
		WebClientCustomizer recordUpstreamCalls(UpstreamCalls calls) {
			return (builder) -> builder.filter(calls);
		}

	}

}
