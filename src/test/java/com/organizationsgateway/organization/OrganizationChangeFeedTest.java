package com.organizationsgateway.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import com.organizationsgateway.TestProperties;
import com.organizationsgateway.graphql.errors.SubscriptionOverflowException;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;
import com.organizationsgateway.organization.OrganizationChanges.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Each subscriber has its own bounded buffer: one that takes nothing is ended with a
 * clear error once the buffer overflows, while the others keep receiving every change.
 */
class OrganizationChangeFeedTest {

	private static final int BUFFER = 4;

	private final OrganizationService service = mock(OrganizationService.class);

	private final OrganizationChanges changes = new OrganizationChanges(
			new OrganizationCache(TestProperties.bind(CacheProperties.class), Ticker.systemTicker(), List.of()),
			Ticker.systemTicker());

	/**
	 * Delivering on the publishing thread, so that buffers fill as changes are published.
	 */
	private final OrganizationChangeFeed feed = new OrganizationChangeFeed(this.changes, this.service,
			new SubscriptionProperties(BUFFER, Duration.ofSeconds(1)), Schedulers.immediate());

	@Test
	void aSlowSubscriberIsEndedWithAnOverflowWithoutHoldingUpTheOthers() {
		ChangeFilter everything = ChangeFilter.of(null, null);
		StepVerifier fast = StepVerifier.create(this.feed.changes(everything))
			.expectNextCount(BUFFER + 1)
			.thenCancel()
			.verifyLater();
		// The slow one takes nothing while the changes come, then gets what its buffer
		// held and the error that says it missed some.
		StepVerifier.create(this.feed.changes(everything), 0).expectSubscription().then(() -> {
			for (int i = 0; i <= BUFFER; i++) {
				this.changes.publish(updated(TestOrganizations.newId()));
			}
		})
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(BUFFER)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(SubscriptionOverflowException.class)
				.hasMessageContaining("more than " + BUFFER + " changes behind"))
			.verify(Duration.ofSeconds(10));
		fast.verify(Duration.ofSeconds(10));
		assertThat(this.feed.subscribers()).isZero();
		verifyNoInteractions(this.service);
	}

	/**
	 * The gauge of subscribers is how tests and operators know a subscription listens: a
	 * change published at the earliest moment the count has risen must reach it, also
	 * when it is the first subscriber, for which the feed connects to the changes.
	 */
	@Test
	void aSubscriberIsCountedOnlyOnceItListens() {
		String id = TestOrganizations.newId();
		AtomicBoolean published = new AtomicBoolean();
		Runnable publishOnceCounted = () -> {
			if (this.feed.subscribers() > 0 && published.compareAndSet(false, true)) {
				this.changes.publish(updated(id));
			}
		};
		List<String> received = new CopyOnWriteArrayList<>();
		BaseSubscriber<OrganizationChangeEvent> subscriber = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
				// The earliest a watcher of the count could react.
				publishOnceCounted.run();
			}

			@Override
			protected void hookOnNext(OrganizationChangeEvent event) {
				received.add(event.organizationId());
			}
		};

		this.feed.changes(ChangeFilter.of(null, null)).subscribe(subscriber);
		publishOnceCounted.run();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(received).containsExactly(id));
		subscriber.dispose();
		assertThat(this.feed.subscribers()).isZero();
	}

	/**
	 * Publishing happens under the lock of every change and answers a mutation: it must
	 * not wait while subscribers are served.
	 */
	@Test
	void publishingDoesNotWaitForSubscribers() {
		OrganizationChangeFeed feed = new OrganizationChangeFeed(this.changes, this.service,
				new SubscriptionProperties(BUFFER, Duration.ofSeconds(1)));
		CountDownLatch release = new CountDownLatch(1);
		List<String> received = new CopyOnWriteArrayList<>();
		Disposable busy = feed.changes(ChangeFilter.of(null, null)).subscribe((event) -> {
			awaitQuietly(release);
			received.add(event.organizationId());
		});
		try {
			String id = TestOrganizations.newId();
			CompletableFuture<Outcome> published = CompletableFuture
				.supplyAsync(() -> this.changes.publish(updated(id)));

			assertThat(published).succeedsWithin(Duration.ofSeconds(2)).isEqualTo(Outcome.ACCEPTED);
			release.countDown();
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(received).containsExactly(id));
		}
		finally {
			release.countDown();
			busy.dispose();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static OrganizationChange updated(String id) {
		Instant now = Instant.now();
		return new OrganizationChange(id, Kind.UPDATED, Set.of(), now, TestOrganizations.organization(id),
				Origin.WEBHOOK);
	}

}
