package com.organizationsgateway.resilience;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soak: parallel readers and writers on a few hot organizations while a share of all
 * upstream requests fail at random (5xx, 429, dropped connections, slow answers, lost
 * answers after a committed write) and the cache clock races ahead so that entries expire
 * and stale copies are served. After every acknowledged update no read may return an
 * older version, stale or not; every error must carry a contract code; the heap must stay
 * flat.
 * <p>
 * Runs for {@code soak.seconds} (10 by default, for {@code mvn verify}); the long run is
 * {@code mvn verify -Dtest=ResilienceSoakTest -Dsoak.seconds=60 -Dpostman.skip=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@FaultInjectedGateway
class ResilienceSoakTest {

	private static final int ORGANIZATIONS = 4;

	/**
	 * Organizations 0 and 1 are written; 2 and 3 only read, so they can be served stale.
	 */
	private static final int WRITTEN = 2;

	private static final int READERS = 4;

	private static final Set<String> CONTRACT_CODES = Set.of("UPSTREAM_UNAVAILABLE", "RATE_LIMITED");

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	UpstreamFaults faults;

	@Autowired
	AdjustableTicker ticker;

	private final AtomicLong reads = new AtomicLong();

	private final AtomicLong writes = new AtomicLong();

	private final AtomicLong failedReads = new AtomicLong();

	private final AtomicLong failedWrites = new AtomicLong();

	private final AtomicLong staleServed = new AtomicLong();

	private final AtomicLong olderThanAcknowledged = new AtomicLong();

	private final AtomicLong outages = new AtomicLong();

	private final Map<String, Long> unexpected = new ConcurrentHashMap<>();

	@AfterEach
	void clearFaults() {
		this.faults.reset();
	}

	@Test
	void noReadIsOlderThanAnAcknowledgedWriteUnderRandomFaults() throws Exception {
		Duration duration = Duration.ofSeconds(Long.getLong("soak.seconds", 10));
		String tag = "soak" + UUID.randomUUID().toString().substring(0, 8);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < ORGANIZATIONS; i++) {
			ids.add(create(tag + "-" + i));
		}
		AtomicLongArray acknowledged = new AtomicLongArray(ORGANIZATIONS);
		long heapBefore = usedHeapAfterGc();
		this.faults.reset();
		List<UpstreamFaults.Fault> background = List.of(UpstreamFaults.Fault.status(503),
				UpstreamFaults.Fault.status(500), UpstreamFaults.Fault.rateLimited("0"), UpstreamFaults.Fault.drop(),
				UpstreamFaults.Fault.delay(Duration.ofMillis(400)), UpstreamFaults.Fault.dropAfterCommit(),
				UpstreamFaults.Fault.delayAfterCommit(Duration.ofMillis(400)));
		List<UpstreamFaults.Fault> outage = List.of(UpstreamFaults.Fault.status(503), UpstreamFaults.Fault.drop());
		this.faults.random(0.15, 42, background);
		long end = System.nanoTime() + duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(ORGANIZATIONS + READERS + 1);
		List<Future<?>> workers = new ArrayList<>();
		for (int i = 0; i < WRITTEN; i++) {
			int organization = i;
			workers.add(pool.submit(() -> write(ids.get(organization), organization, acknowledged, end)));
		}
		for (int i = 0; i < READERS; i++) {
			workers.add(pool.submit(() -> read(ids, acknowledged, end)));
		}
		// The cache's clock runs 100 times faster than real time, so entries expire,
		// reads go upstream, and stale copies are served and age out again; and every
		// two seconds the upstream is down for half a second.
		workers.add(pool.submit(() -> {
			long tick = 0;
			while (System.nanoTime() < end) {
				this.ticker.advance(Duration.ofSeconds(10));
				sleep(100);
				tick++;
				if (tick % 20 == 15) {
					this.faults.random(1.0, tick, outage);
					// Every fresh entry expires as the outage begins, so reads
					// need WorkOS.
					this.ticker.advance(Duration.ofSeconds(60));
					this.outages.incrementAndGet();
				}
				else if (tick % 20 == 0) {
					this.faults.random(0.15, tick, background);
				}
			}
		}));
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		Map<String, Integer> injected = this.faults.injected();
		int upstreamRequests = this.faults.totalRequests();
		this.faults.reset();
		long heapAfter = usedHeapAfterGc();

		System.out.printf(
				"soak %d s, %d outages: %d reads (%d failed with a contract code, %d served stale), %d acknowledged writes "
						+ "(%d failed with a contract code); %d upstream requests, faults injected %s; "
						+ "reads older than an acknowledged write: %d; unexpected errors: %s; "
						+ "used heap after GC %d MB before, %d MB after%n",
				duration.toSeconds(), this.outages.get(), this.reads.get(), this.failedReads.get(),
				this.staleServed.get(), this.writes.get(), this.failedWrites.get(), upstreamRequests, injected,
				this.olderThanAcknowledged.get(), this.unexpected, heapBefore >> 20, heapAfter >> 20);
		assertThat(this.olderThanAcknowledged.get()).isZero();
		assertThat(this.unexpected).isEmpty();
		assertThat(this.writes.get()).isPositive();
		assertThat(this.reads.get()).isGreaterThan(this.writes.get());
		assertThat(injected.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
		assertThat(this.staleServed.get()).isPositive();
		assertThat(heapAfter - heapBefore).isLessThan(64L << 20);
	}

	private void write(String id, int organization, AtomicLongArray acknowledged, long end) {
		long version = 0;
		while (System.nanoTime() < end) {
			version++;
			GraphQlResponse response = this.graphQlTester
				.document("mutation($id: ID!, $name: String) { updateOrganization(input: {id: $id, name: $name}) "
						+ "{ organization { name } } }")
				.variable("id", id)
				.variable("name", "v" + version)
				.execute()
				.returnResponse();
			if (response.getErrors().isEmpty()) {
				assertThat(version(response.field("updateOrganization.organization.name").getValue()))
					.isEqualTo(version);
				acknowledged.set(organization, version);
				this.writes.incrementAndGet();
			}
			else {
				check(response.getErrors());
				this.failedWrites.incrementAndGet();
			}
		}
	}

	private void read(List<String> ids, AtomicLongArray acknowledged, long end) {
		while (System.nanoTime() < end) {
			int organization = ThreadLocalRandom.current().nextInt(ids.size());
			long floor = acknowledged.get(organization);
			boolean viaNode = ThreadLocalRandom.current().nextBoolean();
			String document = viaNode ? "query($id: ID!) { result: node(id: $id) { ... on Organization { name } } }"
					: "query($id: ID!) { result: organization(id: $id) { name } }";
			GraphQlResponse response = this.graphQlTester.document(document)
				.variable("id", ids.get(organization))
				.execute()
				.returnResponse();
			this.reads.incrementAndGet();
			if (!response.getErrors().isEmpty()) {
				check(response.getErrors());
				this.failedReads.incrementAndGet();
				continue;
			}
			if (response.getExtensions().containsKey("stale")) {
				this.staleServed.incrementAndGet();
			}
			if (version(response.field("result.name").getValue()) < floor) {
				this.olderThanAcknowledged.incrementAndGet();
			}
		}
	}

	private void check(List<ResponseError> errors) {
		for (ResponseError error : errors) {
			Object code = error.getExtensions().get("code");
			if (!CONTRACT_CODES.contains(String.valueOf(code))) {
				this.unexpected.merge(code + ": " + error.getMessage(), 1L, Long::sum);
			}
		}
	}

	private String create(String name) {
		return this.graphQlTester
			.document("mutation($name: String!) { createOrganization(input: {name: $name}) "
					+ "{ organization { id } } }")
			.variable("name", name)
			.execute()
			.path("createOrganization.organization.id")
			.entity(String.class)
			.get();
	}

	/** "v12" is version 12; the name given at creation is version 0. */
	private static long version(Object name) {
		String text = String.valueOf(name);
		return text.startsWith("v") ? Long.parseLong(text.substring(1)) : 0;
	}

	private static long usedHeapAfterGc() {
		System.gc();
		sleep(200);
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
