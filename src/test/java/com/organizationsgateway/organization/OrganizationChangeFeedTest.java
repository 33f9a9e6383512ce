package com.organizationsgateway.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.organizationsgateway.graphql.SubscriptionOverflowException;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;

import static org.assertj.core.api.Assertions.assertThat;
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
			new OrganizationCache(CacheProperties.defaults(), Ticker.systemTicker()), Ticker.systemTicker());

	private final OrganizationChangeFeed feed = new OrganizationChangeFeed(this.changes, this.service,
			new SubscriptionProperties(BUFFER, Duration.ofSeconds(1)));

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

	private static OrganizationChange updated(String id) {
		Instant now = Instant.now();
		return new OrganizationChange(id, Kind.UPDATED, Set.of(), now, TestOrganizations.organization(id),
				Origin.WEBHOOK);
	}

}
