package com.organizationsgateway.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import com.organizationsgateway.TestClients;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two gateway instances on one real Redis: A in local mode, B in WorkOS mode with A's
 * embedded API as its WorkOS. A change made through A reaches B's cache over Redis
 * pub/sub; without Redis, both keep answering and B falls back to a short cache lifetime;
 * with Redis back, propagation resumes. A subscriber on B hears of changes made through
 * A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceInvalidationTest {

	/**
	 * Generous for a loaded 2-core build machine; loopback pub/sub takes milliseconds.
	 */
	private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(2);

	private static final Duration PEER_OUTAGE_TTL = Duration.ofSeconds(1);

	private static final Duration STATE_CHANGE_BOUND = Duration.ofSeconds(15);

	private static final int ITERATIONS = 20;

	private RedisServer redis;

	private BlackHoleProxy proxy;

	private GatewayInstance a;

	private GatewayInstance b;

	@BeforeAll
	void startRedisAndTwoInstances() {
		RedisServer.assumeInstalled();
		this.redis = RedisServer.start();
		// B reaches Redis through a proxy that can go silent.
		this.proxy = BlackHoleProxy.start(this.redis.port());
		this.a = GatewayInstance.start(redisArgs(this.redis.port(), "--gateway.local-api.seed=false"));
		this.b = GatewayInstance.start(redisArgs(this.proxy.port(), "--gateway.workos.api-key=sk_test_peer_instance_b",
				"--gateway.workos.api-base-url=http://127.0.0.1:" + this.a.port(),
				"--gateway.security.allow-unauthenticated=true"));
	}

	@AfterAll
	void stopAll() {
		for (AutoCloseable closeable : new AutoCloseable[] { this.b, this.a, this.proxy, this.redis }) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					// Keep closing the rest.
				}
			}
		}
	}

	@BeforeEach
	void bothSubscribed() {
		awaitSubscribed(this.a);
		awaitSubscribed(this.b);
	}

	@Test
	void aRenameOnOneInstanceIsServedByTheOtherWithinMilliseconds() {
		String id = this.a.createOrganization("Propagation Corp");
		int readsBefore = this.b.upstreamReads();
		int callsBefore = this.b.upstreamCalls();
		assertThat(this.b.read(id).name()).isEqualTo("Propagation Corp");
		List<Duration> applied = new ArrayList<>();
		List<Duration> served = new ArrayList<>();
		for (int i = 1; i <= ITERATIONS; i++) {
			String name = "Propagation Corp " + i;
			double received = accepted(this.b);
			this.a.rename(id, name);
			long start = System.nanoTime();
			// In-process counter, so polled finely.
			until(() -> accepted(this.b) > received, PROPAGATION_BOUND, Duration.ofMillis(1),
					"instance B applying rename " + i);
			applied.add(Duration.ofNanos(System.nanoTime() - start));
			until(() -> name.equals(this.b.read(id).name()), PROPAGATION_BOUND, "instance B serving \"" + name + "\"");
			served.add(Duration.ofNanos(System.nanoTime() - start));
		}
		System.out.printf(
				"Propagation over %d renames, from A's mutation response: B applied the change"
						+ " p50 %s max %s; B served the new name p50 %s max %s%n",
				ITERATIONS, p50(applied), max(applied), p50(served), max(served));
		// One read to warm the cache, then exactly one reload per change: every other
		// poll was a cache hit.
		assertThat(this.b.upstreamReads() - readsBefore).isEqualTo(1 + ITERATIONS);
		assertThat(this.b.upstreamCalls() - callsBefore).isEqualTo(1 + ITERATIONS);
		// A hears its own messages on the channel and skips them.
		assertThat(this.a.counter("gateway.peers.messages.received", "outcome", "accepted")).isZero();
		assertThat(this.b.counter("gateway.peers.messages.received", "outcome", "accepted"))
			.isGreaterThanOrEqualTo(ITERATIONS);
	}

	@Test
	void aDeletionOnOneInstanceIsNotFoundOnTheOther() {
		String id = this.a.createOrganization("Deleted Soon Corp");
		assertThat(this.b.read(id).name()).isEqualTo("Deleted Soon Corp");
		this.a.delete(id);
		until(() -> "NOT_FOUND".equals(this.b.read(id).errorCode()), PROPAGATION_BOUND,
				"instance B answering NOT_FOUND");
	}

	@Test
	void aDomainAddedAndRemovedOnOneInstanceShowsOnTheOther() {
		String id = this.a.createOrganization("Domains Corp");
		assertThat(this.b.domains(id)).isEmpty();
		String domain = "peers-" + System.nanoTime() + ".example.com";

		String domainId = this.a.addDomain(id, domain);
		until(() -> this.b.domains(id).equals(List.of(domain)), PROPAGATION_BOUND, "instance B serving the domain");
		this.a.removeDomain(domainId);
		until(() -> this.b.domains(id).isEmpty(), PROPAGATION_BOUND, "instance B no longer serving the domain");
	}

	@Test
	void malformedMessagesAreCountedAndIgnoredAndTheListenerKeepsGoing() {
		double rejectedBefore = this.b.counter("gateway.peers.messages.rejected");
		ReactiveStringRedisTemplate redis = this.a.bean(ReactiveStringRedisTemplate.class);
		String channel = this.a.bean(PeerProperties.class).channel();
		redis.convertAndSend(channel, "{not json").block(Duration.ofSeconds(5));
		redis.convertAndSend(channel, "{\"version\":99,\"instance\":\"x\",\"kind\":\"UPDATED\"}")
			.block(Duration.ofSeconds(5));
		redis.convertAndSend(channel, "{\"version\":1,\"instance\":\"x\",\"kind\":\"EXPLODED\"}")
			.block(Duration.ofSeconds(5));
		until(() -> this.b.counter("gateway.peers.messages.rejected") - rejectedBefore == 3, PROPAGATION_BOUND,
				"three rejected messages on B");

		String id = this.a.createOrganization("After Garbage Corp");
		assertThat(this.b.read(id).name()).isEqualTo("After Garbage Corp");
		this.a.rename(id, "After Garbage Corp renamed");
		until(() -> "After Garbage Corp renamed".equals(this.b.read(id).name()), PROPAGATION_BOUND,
				"instance B serving the rename after the garbage");
		assertThat(this.b.bean(PeerSubscription.class).state()).isEqualTo(PeerSubscription.State.SUBSCRIBED);
	}

	@Test
	void aSubscriberOnOneInstanceHearsOfChangesMadeThroughTheOther() {
		String id = this.a.createOrganization("Subscribed Corp");
		BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
		Disposable subscription = changesOver(this.b, id).subscribe(events::add);
		try {
			until(() -> activeSubscriptions(this.b) > 0, STATE_CHANGE_BOUND, "the subscription in place on B");
			List<Duration> delays = new ArrayList<>();
			for (int i = 1; i <= 5; i++) {
				String name = "Subscribed Corp " + i;
				long start = System.nanoTime();
				this.a.rename(id, name);
				Map<String, Object> event = next(events);
				delays.add(Duration.ofNanos(System.nanoTime() - start));
				assertThat(event).containsEntry("kind", "UPDATED").containsEntry("organizationId", id);
				assertThat(event.get("organization")).isEqualTo(Map.of("name", name));
			}
			this.a.delete(id);
			Map<String, Object> deleted = next(events);
			assertThat(deleted).containsEntry("kind", "DELETED").containsEntry("organizationId", id);
			assertThat(deleted.get("organization")).isNull();
			System.out.printf("Subscription on B, changes made through A: event received p50 %s max %s%n", p50(delays),
					max(delays));
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void withoutRedisBothInstancesKeepAnsweringOnAShortCacheLifetimeAndPropagationResumesAfterwards() {
		String id = this.a.createOrganization("Outage Corp");
		assertThat(this.b.read(id).name()).isEqualTo("Outage Corp");

		this.redis.kill();
		awaitState(this.a, PeerSubscription.State.DISCONNECTED);
		awaitState(this.b, PeerSubscription.State.DISCONNECTED);
		JsonNode health = this.b.health();
		assertThat(health.at("/status").asString()).as(health.toString()).isEqualTo("UP");
		assertThat(health.at("/components/peers/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/peers/details/subscription").asString()).isEqualTo("DISCONNECTED");
		assertThat(this.b.counter("gateway.peers.reconnections")).isZero();

		// Reads on both keep answering, and writes succeed though nobody hears of them.
		assertThat(this.a.read(id).name()).isEqualTo("Outage Corp");
		assertThat(this.b.read(id).name()).isEqualTo("Outage Corp");
		double failuresBefore = this.a.counter("gateway.peers.messages.publish.failures");
		this.a.rename(id, "Outage Corp during outage");
		assertThat(this.a.read(id).name()).isEqualTo("Outage Corp during outage");
		// B hears nothing, but its entry lives only the short peer-outage lifetime,
		// not the usual 60 s.
		Duration seen = until(() -> "Outage Corp during outage".equals(this.b.read(id).name()),
				PEER_OUTAGE_TTL.plus(PROPAGATION_BOUND), "instance B refreshing within the short lifetime");
		System.out.printf("During the Redis outage, B served A's rename after %d ms (peer-outage TTL %d ms)%n",
				seen.toMillis(), PEER_OUTAGE_TTL.toMillis());
		until(() -> this.a.counter("gateway.peers.messages.publish.failures") > failuresBefore, STATE_CHANGE_BOUND,
				"a counted publish failure on A");

		this.redis.restart();
		awaitSubscribed(this.a);
		awaitSubscribed(this.b);
		assertThat(this.b.counter("gateway.peers.reconnections")).isEqualTo(1);
		assertThat(this.b.health().at("/components/peers/details/subscription").asString()).isEqualTo("SUBSCRIBED");
		// A publishes over Lettuce's shared connection, which reconnects on its own.
		ReactiveStringRedisTemplate aRedis = this.a.bean(ReactiveStringRedisTemplate.class);
		until(() -> answersPing(aRedis), STATE_CHANGE_BOUND, "A's publishing connection back");

		assertThat(this.b.read(id).name()).isEqualTo("Outage Corp during outage");
		this.a.rename(id, "Outage Corp after outage");
		until(() -> "Outage Corp after outage".equals(this.b.read(id).name()), PROPAGATION_BOUND,
				"instance B serving the rename after Redis came back");
	}

	@Test
	void aLinkThatGoesSilentWithoutClosingIsNoticedAndOnceBackTheCacheIsFlushed() {
		String id = this.a.createOrganization("Black Hole Corp");
		assertThat(this.b.read(id).name()).isEqualTo("Black Hole Corp");
		double reconnectionsBefore = this.b.counter("gateway.peers.reconnections");

		this.proxy.blackHole();
		try {
			// Nothing closes: only a check that expects an answer can notice.
			Duration noticed = awaitState(this.b, PeerSubscription.State.DISCONNECTED);
			System.out.printf("B noticed its silent Redis link after %d ms%n", noticed.toMillis());
			JsonNode health = this.b.health();
			assertThat(health.at("/components/peers/status").asString()).as(health.toString()).isEqualTo("UP");
			assertThat(health.at("/components/peers/details/subscription").asString()).isEqualTo("DISCONNECTED");
			assertThat(health.at("/components/peers/details/invalidation").asString()).startsWith("degraded");
			// Its entries now live only the short peer-outage lifetime.
			int readsBefore = this.b.upstreamReads();
			until(() -> "Black Hole Corp".equals(this.b.read(id).name()) && this.b.upstreamReads() > readsBefore,
					PEER_OUTAGE_TTL.plus(PROPAGATION_BOUND), "instance B reloading within the short lifetime");
			// B caches the name, then misses the rename through A: its link is silent.
			assertThat(this.b.read(id).name()).isEqualTo("Black Hole Corp");
			this.a.rename(id, "Black Hole Corp renamed unheard");
		}
		finally {
			this.proxy.forward();
		}
		awaitSubscribed(this.b);
		assertThat(this.b.counter("gateway.peers.reconnections")).isEqualTo(reconnectionsBefore + 1);
		// Back on the usual 60 s lifetime, only the flush on resubscribing explains this.
		assertThat(this.b.read(id).name()).isEqualTo("Black Hole Corp renamed unheard");
	}

	@Test
	void aReconnectionLettuceMakesOnItsOwnStillEndsInAFlush() throws Exception {
		try (BlackHoleProxy link = BlackHoleProxy.start(this.redis.port());
				GatewayInstance c = GatewayInstance
					.start(withoutHeartbeats(redisArgs(link.port(), "--gateway.workos.api-key=sk_test_peer_instance_c",
							"--gateway.workos.api-base-url=http://127.0.0.1:" + this.a.port(),
							"--gateway.security.allow-unauthenticated=true")))) {
			awaitSubscribed(c);
			String id = this.a.createOrganization("Reconnected Corp");
			assertThat(c.read(id).name()).isEqualTo("Reconnected Corp");
			link.cut();
			// Published while C is not subscribed: Redis keeps nothing for C.
			this.a.rename(id, "Reconnected Corp renamed unheard");
			link.forward();
			until(() -> c.counter("gateway.peers.reconnections") == 1, STATE_CHANGE_BOUND,
					"instance C subscribed again");
			assertThat(c.read(id).name()).isEqualTo("Reconnected Corp renamed unheard");
		}
	}

	/** organizationChanged(id) on an instance, over SSE, as the data of each event. */
	@SuppressWarnings("unchecked")
	private static Flux<Map<String, Object>> changesOver(GatewayInstance instance, String id) {
		return TestClients.sse(instance.port(),
				"subscription($id: ID) { organizationChanged(id: $id) { kind organizationId organization { name } } }",
				Map.of("id", id))
			.map((response) -> (Map<String, Object>) ((Map<String, Object>) response.get("data"))
				.get("organizationChanged"));
	}

	private static double activeSubscriptions(GatewayInstance instance) {
		return instance.bean(MeterRegistry.class).get("gateway.subscriptions.active").gauge().value();
	}

	private static Map<String, Object> next(BlockingQueue<Map<String, Object>> events) {
		try {
			Map<String, Object> event = events.poll(PROPAGATION_BOUND.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(event).as("an event within " + PROPAGATION_BOUND).isNotNull();
			return event;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double accepted(GatewayInstance instance) {
		return instance.counter("gateway.peers.messages.received", "outcome", "accepted");
	}

	private static String p50(List<Duration> delays) {
		return millis(delays.stream().sorted().toList().get(delays.size() / 2));
	}

	private static String max(List<Duration> delays) {
		return millis(delays.stream().max(Duration::compareTo).orElseThrow());
	}

	private static String millis(Duration duration) {
		return String.format(java.util.Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
	}

	private String[] redisArgs(int port, String... more) {
		List<String> args = new ArrayList<>(List.of("--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + port, "--gateway.peers.reconnect-max-backoff=200ms",
				"--gateway.peers.ping-interval=500ms", "--management.endpoint.health.show-details=always",
				"--gateway.cache.peer-outage-ttl=" + PEER_OUTAGE_TTL.toMillis() + "ms"));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	/** Only the subscription being confirmed a second time can tell of a reconnection. */
	private static String[] withoutHeartbeats(String[] args) {
		return Arrays.stream(args)
			.map((arg) -> arg.startsWith("--gateway.peers.ping-interval=") ? "--gateway.peers.ping-interval=0" : arg)
			.toArray(String[]::new);
	}

	private static boolean answersPing(ReactiveStringRedisTemplate redis) {
		try {
			return "PONG".equals(redis.execute((connection) -> connection.ping()).blockFirst(Duration.ofSeconds(1)));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static void awaitSubscribed(GatewayInstance instance) {
		awaitState(instance, PeerSubscription.State.SUBSCRIBED);
	}

	private static Duration awaitState(GatewayInstance instance, PeerSubscription.State state) {
		PeerSubscription subscription = instance.bean(PeerSubscription.class);
		return until(() -> subscription.state() == state, STATE_CHANGE_BOUND, "subscription " + state);
	}

	/**
	 * Polls (every 5 ms unless told) until the condition holds, and says how long that
	 * took; fails past the bound.
	 */
	private static Duration until(BooleanSupplier condition, Duration bound, String what) {
		return until(condition, bound, Duration.ofMillis(5), what);
	}

	private static Duration until(BooleanSupplier condition, Duration bound, Duration interval, String what) {
		long start = System.nanoTime();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - start > bound.toNanos()) {
				fail(what + ": not within " + bound);
			}
			LockSupport.parkNanos(interval.toNanos());
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
