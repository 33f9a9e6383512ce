package com.organizationsgateway.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's failure behaviour over HTTP, with faults injected in front of its
 * embedded Organizations API: stale-if-error within the grace period and not after it,
 * never older than an acknowledged write; bounded attempts and a clean error when the
 * cache is cold; Retry-After honoured; exactly one organization after a create whose
 * response was lost; the request size limit and the readiness probe.
 */
@FaultInjectedGateway
class ResilienceEndToEndTest {

	private static final String READ = "query($id: ID!) { organization(id: $id) { id name } node(id: $id) { id } }";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	WebTestClient webTestClient;

	@Autowired
	UpstreamFaults faults;

	@Autowired
	AdjustableTicker ticker;

	@AfterEach
	void clearFaults() {
		this.faults.reset();
	}

	@Test
	void aWarmCacheAnswersStaleWithinTheGracePeriodAndSaysSo() {
		String id = create(tag(), null);
		assertThat(read(id).getExtensions()).doesNotContainKey("stale");
		advanceAfterTheLoadSettled(Duration.ofSeconds(61));
		this.faults.reset();
		this.faults.always(get(id), UpstreamFaults.Fault.status(503));

		GraphQlResponse stale = read(id);

		assertThat(stale.getErrors()).isEmpty();
		assertThat(stale.field("organization.id").<String>getValue()).isEqualTo(id);
		List<Map<String, Object>> marked = staleFields(stale);
		assertThat(marked).extracting((entry) -> entry.get("path"))
			.containsExactly(List.of("node"), List.of("organization"));
		assertThat(marked).allSatisfy((entry) -> assertThat((Number) entry.get("ageSeconds"))
			.satisfies((age) -> assertThat(age.longValue()).isBetween(61L, 65L)));
		// One DataLoader load for both fields, three attempts.
		assertThat(this.faults.requests("GET /organizations/" + id)).isEqualTo(3);

		this.ticker.advance(Duration.ofMinutes(5));
		GraphQlResponse expired = read(id);
		assertThat(expired.getErrors()).extracting((error) -> error.getExtensions().get("code"))
			.containsOnly("UPSTREAM_UNAVAILABLE");
		assertThat(expired.getExtensions()).doesNotContainKey("stale");

		this.faults.reset();
		GraphQlResponse recovered = read(id);
		assertThat(recovered.getErrors()).isEmpty();
		assertThat(recovered.getExtensions()).doesNotContainKey("stale");
	}

	@Test
	void aListPageAnswersStaleToo() {
		String tag = tag();
		String id = create(tag, null);
		String search = "query($s: String) { organizations(search: $s, first: 5) { edges { node { id } } } }";
		this.graphQlTester.document(search)
			.variable("s", tag)
			.execute()
			.path("organizations.edges[0].node.id")
			.entity(String.class)
			.isEqualTo(id);
		advanceAfterTheLoadSettled(Duration.ofSeconds(6));
		this.faults.always((call) -> call.equals("GET /organizations"), UpstreamFaults.Fault.drop());

		GraphQlResponse stale = this.graphQlTester.document(search).variable("s", tag).execute().returnResponse();

		assertThat(stale.getErrors()).isEmpty();
		assertThat(stale.field("organizations.edges[0].node.id").<String>getValue()).isEqualTo(id);
		assertThat(staleFields(stale)).extracting((entry) -> entry.get("path"))
			.containsExactly(List.of("organizations"));
	}

	@Test
	void aStaleCopyOlderThanAnAcknowledgedWriteIsNeverServed() {
		String id = create(tag(), null);
		read(id);
		settle();
		this.graphQlTester
			.document("mutation($id: ID!) { updateOrganization(input: {id: $id, name: \"renamed\"}) "
					+ "{ organization { name } } }")
			.variable("id", id)
			.execute()
			.path("updateOrganization.organization.name")
			.entity(String.class)
			.isEqualTo("renamed");
		this.ticker.advance(Duration.ofSeconds(61));
		this.faults.always(get(id), UpstreamFaults.Fault.status(500));

		GraphQlResponse response = read(id);

		assertThat(response.getErrors()).extracting((error) -> error.getExtensions().get("code"))
			.containsOnly("UPSTREAM_UNAVAILABLE");
		assertThat(response.getExtensions()).doesNotContainKey("stale");
	}

	@Test
	void aColdReadFailsCleanlyWithinTheDeadlineAfterThreeAttempts() {
		String id = "org_01" + "K".repeat(24);
		this.faults.always(get(id), UpstreamFaults.Fault.drop());
		long start = System.nanoTime();

		GraphQlResponse response = read(id);

		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.getErrors()).extracting(ResponseError::getMessage)
			.containsOnly("The upstream Organizations API is unavailable");
		assertThat(this.faults.requests("GET /organizations/" + id)).isEqualTo(3);
		assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
		System.out.printf("cold read, connection dropped: %d attempts, %d ms%n",
				this.faults.requests("GET /organizations/" + id), elapsed.toMillis());
	}

	@Test
	void aSlowUpstreamTimesOutPerAttemptAndFailsWithinTheDeadline() {
		String id = "org_01" + "S".repeat(24);
		this.faults.always(get(id), UpstreamFaults.Fault.delay(Duration.ofSeconds(5)));
		long start = System.nanoTime();

		GraphQlResponse response = read(id);

		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.getErrors()).extracting((error) -> error.getExtensions().get("code"))
			.containsOnly("UPSTREAM_UNAVAILABLE");
		assertThat(this.faults.requests("GET /organizations/" + id)).isEqualTo(3);
		assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
		System.out.printf("cold read, upstream 5 s slow: %d attempts, %d ms%n",
				this.faults.requests("GET /organizations/" + id), elapsed.toMillis());
	}

	@Test
	void aRateLimitedReadWaitsForRetryAfterThenSucceeds() {
		String id = create(tag(), null);
		this.faults.reset();
		this.faults.script(get(id), 1, UpstreamFaults.Fault.rateLimited("1"));
		this.ticker.advance(Duration.ofSeconds(61));
		long start = System.nanoTime();

		GraphQlResponse response = read(id);

		assertThat(response.getErrors()).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(this.faults.requests("GET /organizations/" + id)).isEqualTo(2);
	}

	@Test
	void aRateLimitBurstEndsInRateLimitedWithRetryAfterSeconds() {
		String id = "org_01" + "R".repeat(24);
		this.faults.always(get(id), UpstreamFaults.Fault.rateLimited("1"));
		long start = System.nanoTime();

		GraphQlResponse response = read(id);

		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.getErrors())
			.allSatisfy((error) -> assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED")
				.containsEntry("retryAfterSeconds", 1));
		// Two waits of one second would overrun the two-second call deadline: the second
		// retry is not made, and the client hears RATE_LIMITED rather than a timeout.
		assertThat(this.faults.requests("GET /organizations/" + id)).isEqualTo(2);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(2));
		System.out.printf("429 burst: %d attempts, %d ms%n", this.faults.requests("GET /organizations/" + id),
				elapsed.toMillis());
	}

	@Test
	void aRetryAfterLongerThanTheCapIsNotWaitedFor() {
		String id = "org_01" + "M".repeat(24);
		this.faults.always(get(id), UpstreamFaults.Fault.rateLimited("30"));

		GraphQlResponse response = read(id);

		assertThat(response.getErrors())
			.allSatisfy((error) -> assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED")
				.containsEntry("retryAfterSeconds", 30));
		assertThat(this.faults.requests("GET /organizations/" + id)).isEqualTo(1);
	}

	@Test
	void aCreateWhoseResponseArrivesTooLateCreatesExactlyOneOrganization() {
		String tag = tag();
		this.faults.script((call) -> call.equals("POST /organizations"), 1,
				UpstreamFaults.Fault.delayAfterCommit(Duration.ofSeconds(1)));

		String id = create(tag, null);

		assertThat(this.faults.requests("POST /organizations")).isEqualTo(2);
		assertThat(this.faults.idempotencyKeys()).hasSize(2).doesNotContainNull();
		assertThat(this.faults.idempotencyKeys().get(0)).isEqualTo(this.faults.idempotencyKeys().get(1));
		assertThat(searchIds(tag)).containsExactly(id);
	}

	@Test
	void aCreateWhoseConnectionDropsAfterCommitCreatesExactlyOneOrganization() {
		String tag = tag();
		this.faults.script((call) -> call.equals("POST /organizations"), 1, UpstreamFaults.Fault.dropAfterCommit());

		String id = create(tag, "client-key-" + tag);

		assertThat(this.faults.requests("POST /organizations")).isEqualTo(2);
		assertThat(this.faults.idempotencyKeys()).containsExactly("client-key-" + tag, "client-key-" + tag);
		assertThat(searchIds(tag)).containsExactly(id);
	}

	@Test
	void aDeleteRetriedAfterALostResponseSucceeds() {
		String id = create(tag(), null);
		this.faults.script((call) -> call.equals("DELETE /organizations/" + id), 1,
				UpstreamFaults.Fault.dropAfterCommit());

		this.graphQlTester
			.document("mutation($id: ID!) { deleteOrganization(input: {id: $id}) " + "{ deletedOrganizationId } }")
			.variable("id", id)
			.execute()
			.path("deleteOrganization.deletedOrganizationId")
			.entity(String.class)
			.isEqualTo(id);
		assertThat(this.faults.requests("DELETE /organizations/" + id)).isEqualTo(2);
	}

	@Test
	void aRequestBodyOverTheLimitIsRefused() {
		String query = "{ organization(id: \"" + "x".repeat(100 * 1024) + "\") { id } }";
		this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("LIMIT_EXCEEDED");
	}

	@Test
	void readinessIncludesTheWorkOsCircuit() {
		this.webTestClient.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	private String create(String tag, String idempotencyKey) {
		Map<String, Object> input = (idempotencyKey != null) ? Map.of("name", tag, "idempotencyKey", idempotencyKey)
				: Map.of("name", tag);
		return this.graphQlTester.documentName("createOrganization")
			.variable("input", input)
			.execute()
			.path("createOrganization.organization.id")
			.entity(String.class)
			.get();
	}

	private GraphQlResponse read(String id) {
		return this.graphQlTester.document(READ).variable("id", id).execute().returnResponse();
	}

	private List<String> searchIds(String search) {
		return this.graphQlTester
			.document("query($s: String) { organizations(search: $s, first: 100) { edges { node { id } } } }")
			.variable("s", search)
			.execute()
			.path("organizations.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	/**
	 * Caffeine stamps an entry's write time in a callback on the loading thread that can
	 * run just after the response has left; a clock moved before that stamp would not age
	 * the entry. This waits for the stamp, not for any expiry.
	 */
	private void advanceAfterTheLoadSettled(Duration duration) {
		settle();
		this.ticker.advance(duration);
	}

	private static void settle() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> staleFields(GraphQlResponse response) {
		return (List<Map<String, Object>>) response.getExtensions().get("stale");
	}

	private static java.util.function.Predicate<String> get(String id) {
		return (call) -> call.equals("GET /organizations/" + id);
	}

	private static String tag() {
		return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
