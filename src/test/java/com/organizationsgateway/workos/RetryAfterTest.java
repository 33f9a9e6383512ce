package com.organizationsgateway.workos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsDeltaSeconds() {
		assertThat(RetryAfter.parse("120", this.clock)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(" 0 ", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsAnHttpDateRelativeToNow() {
		assertThat(RetryAfter.parse("Sat, 28 Nov 2026 12:00:30 GMT", this.clock)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aDateInThePastMeansRetryNow() {
		assertThat(RetryAfter.parse("Sat, 28 Nov 2026 11:00:00 GMT", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void absentOrUnreadableHeadersGiveNothing() {
		assertThat(RetryAfter.parse(null, this.clock)).isNull();
		assertThat(RetryAfter.parse("", this.clock)).isNull();
		assertThat(RetryAfter.parse("soon", this.clock)).isNull();
		assertThat(RetryAfter.parse("-5", this.clock)).isNull();
		assertThat(RetryAfter.parse("99999999999999999999999", this.clock)).isNull();
	}

}
