package com.organizationsgateway.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.organizationsgateway.organization.OrganizationChange;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;
import com.organizationsgateway.organization.OrganizationChanges;
import com.organizationsgateway.webhook.Eventually;
import com.organizationsgateway.webhook.GatewayUnderTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero-config local mode: the local API's webhooks go to the gateway's own endpoint with
 * a secret made up at startup. A change made directly against the local REST API (as with
 * a WorkOS SDK or curl) reaches the GraphQL reads long before the cache's 60 s time to
 * live; a mutation through GraphQL and its webhook make one change, not two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gateway.local-api.seed=false", "gateway.workos.api-key=", "gateway.cache.organization-ttl=60s" })
class LocalModeWebhookLoopTest {

	private static final Duration BOUND = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	OrganizationChanges changes;

	@Autowired
	MeterRegistry meters;

	GatewayUnderTest gateway;

	final List<OrganizationChange> streamed = new CopyOnWriteArrayList<>();

	Disposable subscription;

	@BeforeEach
	void listen() {
		this.gateway = new GatewayUnderTest(this.port, this.jsonMapper, null);
		this.subscription = this.changes.stream().subscribe(this.streamed::add);
	}

	@AfterEach
	void stopListening() {
		this.subscription.dispose();
	}

	@Test
	void aChangeMadeDirectlyInTheLocalApiReachesTheNextGraphQlReadThroughTheWebhook() {
		String id = cachedOrganization("Direct before");
		ObjectNode renamed = this.gateway.rename(id, "Direct after");
		long start = System.nanoTime();

		String name = Eventually.poll(() -> this.gateway.name(id), "Direct after"::equals, BOUND);

		Duration delay = Duration.ofNanos(System.nanoTime() - start);
		System.out.printf("Direct local API change visible through GraphQL after %d ms (cache TTL 60 s)%n",
				delay.toMillis());
		assertThat(name).isEqualTo("Direct after");
		assertThat(changesOf(id)).anySatisfy((change) -> {
			assertThat(change.origin()).isEqualTo(Origin.WEBHOOK);
			assertThat(change.kind()).isEqualTo(Kind.UPDATED);
			assertThat(change.updatedAt()).isEqualTo(Instant.parse(renamed.get("updated_at").asString()));
		});
	}

	@Test
	void aGraphQlMutationAndItsWebhookMakeOneChange() {
		String id = cachedOrganization("Mutated before");
		double received = received();
		double repeated = count("repeated");

		String updatedAt = this.gateway.renameThroughGraphQl(id, "Mutated after");

		double webhooks = Eventually.poll(this::received, (count) -> count >= received + 1, BOUND);
		assertThat(webhooks).as("the mutation's webhook arrived").isEqualTo(received + 1);
		List<OrganizationChange> afterMutation = changesOf(id).stream()
			.filter((change) -> change.kind() == Kind.UPDATED)
			.toList();
		assertThat(afterMutation).as("one change for the mutation and its webhook").hasSize(1);
		OrganizationChange change = afterMutation.get(0);
		assertThat(change.updatedAt()).isEqualTo(Instant.parse(updatedAt));
		if (change.origin() == Origin.GATEWAY) {
			// the usual order: the mutation's answer came first, so the webhook repeats
			// it
			assertThat(count("repeated")).isEqualTo(repeated + 1);
		}
		System.out.printf("GraphQL mutation's webhook: %s (the change was first learnt from %s)%n",
				(change.origin() == Origin.GATEWAY) ? "repeated" : "accepted before the mutation's answer",
				change.origin());
		assertThat(this.gateway.name(id)).isEqualTo("Mutated after");
	}

	/**
	 * Created directly in the local API; once its own webhook has been applied, read
	 * through GraphQL so that the cache holds it.
	 */
	private String cachedOrganization(String name) {
		String id = this.gateway.create(name).get("id").asString();
		List<OrganizationChange> created = Eventually.poll(() -> changesOf(id), (found) -> !found.isEmpty(), BOUND);
		assertThat(created).singleElement().satisfies((change) -> {
			assertThat(change.kind()).isEqualTo(Kind.CREATED);
			assertThat(change.origin()).isEqualTo(Origin.WEBHOOK);
		});
		assertThat(this.gateway.name(id)).isEqualTo(name);
		return id;
	}

	private List<OrganizationChange> changesOf(String id) {
		return this.streamed.stream().filter((change) -> id.equals(change.organizationId())).toList();
	}

	private double received() {
		return count("accepted") + count("repeated") + count("outdated");
	}

	private double count(String outcome) {
		return this.meters.get("gateway.webhooks").tag("outcome", outcome).counter().count();
	}

}
