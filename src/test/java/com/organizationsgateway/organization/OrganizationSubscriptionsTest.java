package com.organizationsgateway.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import com.organizationsgateway.TestClients;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.FieldAccessException;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code Subscription.organizationChanged} through the running gateway in local mode
 * (open to loopback clients), over GraphQL over WebSocket and over Server-Sent Events:
 * mutations on the same gateway and changes published as a webhook would reach
 * subscribers, filters hold back what does not match, and bad arguments are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.local-api.seed=false", "gateway.graphql.limits.max-subscriptions-per-connection=2" })
@AutoConfigureHttpGraphQlTester
class OrganizationSubscriptionsTest {

	static final String SUBSCRIPTION = """
			subscription Changes($id: ID, $domains: [String!]) {
			  organizationChanged(id: $id, domains: $domains) {
			    kind organizationId occurredAt
			    organization { id name domains { domain } }
			  }
			}""";

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	OrganizationChangeFeed feed;

	@Autowired
	OrganizationChanges changes;

	@LocalServerPort
	int port;

	final List<AutoCloseable> opened = new ArrayList<>();

	/**
	 * Closes this test's subscriptions and waits until the gateway has ended them: the
	 * next test counts subscribers to know when its own are live.
	 */
	@AfterEach
	void closeSubscriptions() throws Exception {
		for (AutoCloseable closeable : this.opened) {
			closeable.close();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.feed.subscribers()).isZero());
	}

	@Test
	void webSocketSubscriberHearsCreateUpdateAndDeleteWithTheirStates() {
		ChangeEvents events = webSocket(Map.of());
		String tag = tag();
		String id = create(tag, tag + ".example.com");
		update(id, tag + "-renamed");
		delete(id);

		Map<String, Object> created = events.next((event) -> id.equals(event.get("organizationId")));
		assertThat(created).containsEntry("kind", "CREATED");
		assertThat(organization(created)).containsEntry("id", id).containsEntry("name", tag);
		assertThat(organization(created).get("domains")).isEqualTo(List.of(Map.of("domain", tag + ".example.com")));
		assertThat(Instant.parse((String) created.get("occurredAt"))).isBefore(Instant.now().plusSeconds(1));
		Map<String, Object> updated = events.next();
		assertThat(updated).containsEntry("kind", "UPDATED").containsEntry("organizationId", id);
		assertThat(organization(updated)).containsEntry("name", tag + "-renamed");
		Map<String, Object> deleted = events.next();
		assertThat(deleted).containsEntry("kind", "DELETED").containsEntry("organizationId", id);
		assertThat(deleted.get("organization")).isNull();
	}

	@Test
	void serverSentEventsSubscriberHearsChanges() {
		String tag = tag();
		String id = create(tag, tag + ".example.com");
		ChangeEvents events = sse(Map.of("id", id));
		update(id, tag + "-renamed");
		delete(id);

		Map<String, Object> updated = events.next();
		assertThat(updated).containsEntry("kind", "UPDATED").containsEntry("organizationId", id);
		assertThat(organization(updated)).containsEntry("name", tag + "-renamed");
		assertThat(events.next()).containsEntry("kind", "DELETED");
	}

	@Test
	void idFilterDeliversOnlyThatOrganization() {
		String watched = create(tag(), null);
		String other = create(tag(), null);
		ChangeEvents events = webSocket(Map.of("id", watched));
		update(other, "other renamed");
		update(watched, "watched renamed");

		Map<String, Object> first = events.next();
		assertThat(first).containsEntry("organizationId", watched).containsEntry("kind", "UPDATED");
		assertThat(organization(first)).containsEntry("name", "watched renamed");
	}

	@Test
	void domainsFilterMatchesCurrentAndFormerDomainsWithoutRegardToCase() {
		String tag = tag();
		String watched = create(tag + "-a", tag + "-a.example.com");
		String other = create(tag + "-b", tag + "-b.example.com");
		ChangeEvents events = sse(
				Map.of("domains", List.of(tag.toUpperCase() + "-A.Example.COM", "unrelated.example")));
		update(other, "b renamed");
		update(watched, "a renamed");
		updateDomains(watched, List.of(tag + "-c.example.com"));

		Map<String, Object> renamed = events.next();
		assertThat(renamed).containsEntry("organizationId", watched);
		assertThat(organization(renamed)).containsEntry("name", "a renamed");
		Map<String, Object> lostDomain = events.next();
		assertThat(lostDomain).containsEntry("organizationId", watched);
		assertThat(organization(lostDomain).get("domains"))
			.isEqualTo(List.of(Map.of("domain", tag + "-c.example.com")));
	}

	@Test
	void changesLearntElsewhereReachSubscribersWithTheirStateReadFresh() {
		String tag = tag();
		String id = create(tag, null);
		ChangeEvents webSocket = webSocket(Map.of("id", id));
		ChangeEvents sse = sse(Map.of("id", id));
		// A write whose outcome is unknown is not announced; a webhook naming only the id
		// is.
		this.changes.publish(new OrganizationChange(id, Kind.POSSIBLY_CHANGED, Set.of(), null, null, Origin.GATEWAY));
		this.changes.publish(new OrganizationChange(id, Kind.UPDATED, Set.of(), null, null, Origin.WEBHOOK));

		for (ChangeEvents events : List.of(webSocket, sse)) {
			Map<String, Object> event = events.next();
			assertThat(event).containsEntry("kind", "UPDATED").containsEntry("organizationId", id);
			assertThat(organization(event)).containsEntry("id", id).containsEntry("name", tag);
		}
	}

	@Test
	void invalidArgumentsAreRefusedBeforeSubscribing() {
		List<String> tooManyDomains = IntStream.range(0, 101).mapToObj((i) -> "d" + i + ".example.com").toList();
		for (Map<String, Object> variables : List.of(Map.<String, Object>of("id", "org_nope"),
				Map.<String, Object>of("domains", tooManyDomains),
				Map.<String, Object>of("domains", List.of("not a domain")))) {
			Throwable overWebSocket = ChangeEvents.of(webSocketClient().document(SUBSCRIPTION)
				.variables(variables)
				.retrieveSubscription("x")
				.toEntity(new ParameterizedTypeReference<Map<String, Object>>() {
				})).error();
			assertThat(overWebSocket).isInstanceOfSatisfying(SubscriptionErrorException.class,
					(ex) -> assertThat(ex.getErrors()).singleElement()
						.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
							.containsKey("fieldErrors")));
			Map<String, Object> overSse = sseResponses(variables).blockFirst(Duration.ofSeconds(30));
			assertThat(overSse).doesNotContainKey("data");
			assertThat(overSse.get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST)
				.singleElement()
				.satisfies((error) -> assertThat(extensions(error)).containsEntry("code", "BAD_USER_INPUT")
					.containsKey("fieldErrors"));
		}
	}

	@Test
	void oneConnectionRunsAtMostTheConfiguredNumberOfSubscriptions() {
		WebSocketGraphQlClient client = webSocketClient();
		subscribed(client.document(SUBSCRIPTION).retrieveSubscription("organizationChanged").toEntity(MAP));
		subscribed(client.document(SUBSCRIPTION).retrieveSubscription("organizationChanged").toEntity(MAP));
		Throwable refused = ChangeEvents
			.of(client.document(SUBSCRIPTION).retrieveSubscription("organizationChanged").toEntity(MAP))
			.error();
		assertThat(refused).isInstanceOf(FieldAccessException.class)
			.extracting((ex) -> ((FieldAccessException) ex).getResponse().getErrors())
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.singleElement()
			.satisfies((error) -> assertThat(((ResponseError) error).getExtensions()).containsEntry("code",
					"LIMIT_EXCEEDED"));
	}

	@Test
	void aBurstOfSubscriptionsOnOneConnectionGetsNoMoreThanTheConfiguredNumber() {
		WebSocketGraphQlClient client = webSocketClient();
		client.start().block(Duration.ofSeconds(10));
		List<ChangeEvents> burst = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ChangeEvents events = ChangeEvents
				.of(client.document(SUBSCRIPTION).retrieveSubscription("organizationChanged").toEntity(MAP));
			this.opened.add(events);
			burst.add(events);
		}

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(burst.stream().filter(ChangeEvents::failed).count()).isEqualTo(4));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.feed.subscribers()).isEqualTo(2));
	}

	private ChangeEvents webSocket(Map<String, Object> variables) {
		WebSocketGraphQlClient client = webSocketClient();
		return subscribed(client.document(SUBSCRIPTION)
			.variables(variables)
			.retrieveSubscription("organizationChanged")
			.toEntity(new ParameterizedTypeReference<Map<String, Object>>() {
			}));
	}

	private WebSocketGraphQlClient webSocketClient() {
		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient())
			.build();
		this.opened.add(() -> client.stop().block(Duration.ofSeconds(10)));
		return client;
	}

	@SuppressWarnings("unchecked")
	private ChangeEvents sse(Map<String, Object> variables) {
		return subscribed(sseResponses(variables)
			.map((response) -> (Map<String, Object>) ((Map<String, Object>) response.get("data"))
				.get("organizationChanged")));
	}

	private Flux<Map<String, Object>> sseResponses(Map<String, Object> variables) {
		return TestClients.sse(this.port, SUBSCRIPTION, variables);
	}

	/** Subscribes, and returns once the gateway has the subscription in place. */
	private ChangeEvents subscribed(Flux<Map<String, Object>> events) {
		int before = this.feed.subscribers();
		ChangeEvents received = ChangeEvents.of(events);
		this.opened.add(received);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.subscribers() > before);
		return received;
	}

	private String create(String name, String domain) {
		Map<String, Object> input = new HashMap<>();
		input.put("name", name);
		if (domain != null) {
			input.put("domainData", List.of(Map.of("domain", domain, "state", "VERIFIED")));
		}
		return this.graphQlTester.documentName("createOrganization")
			.variable("input", input)
			.execute()
			.path("createOrganization.organization.id")
			.entity(String.class)
			.get();
	}

	private void update(String id, String name) {
		this.graphQlTester.documentName("updateOrganization")
			.variable("input", Map.of("id", id, "name", name))
			.execute()
			.path("updateOrganization.organization.name")
			.entity(String.class)
			.isEqualTo(name);
	}

	private void updateDomains(String id, List<String> domains) {
		this.graphQlTester.documentName("updateOrganization")
			.variable("input",
					Map.of("id", id, "domainData",
							domains.stream().map((domain) -> Map.of("domain", domain, "state", "VERIFIED")).toList()))
			.execute()
			.path("updateOrganization.organization.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	private void delete(String id) {
		this.graphQlTester.documentName("deleteOrganization")
			.variable("input", Map.of("id", id))
			.execute()
			.path("deleteOrganization.deletedOrganizationId")
			.entity(String.class)
			.isEqualTo(id);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> extensions(Object error) {
		return (Map<String, Object>) ((Map<String, Object>) error).get("extensions");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> organization(Map<String, Object> event) {
		return (Map<String, Object>) event.get("organization");
	}

	private static String tag() {
		return "sub" + UUID.randomUUID().toString().substring(0, 8);
	}

}
