package com.organizationsgateway.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ULIDs: Crockford base32, time-prefixed and strictly increasing within a millisecond and
 * when the clock steps back.
 */
class UlidGeneratorTests {

	@Test
	void encodesTimeThenRandomness() {
		UlidGenerator generator = new UlidGenerator(new Random(1));
		String ulid = generator.next(Instant.parse("2020-09-25T12:00:00Z").toEpochMilli());
		assertThat(ulid).matches(LocalApi.ULID);
		// 1601035200000 ms in Crockford base32, ten characters
		assertThat(ulid).startsWith("01EK2J4SG0");
	}

	@Test
	void idsAreStrictlyIncreasingInOneMillisecondAndWhenTheClockStepsBack() {
		UlidGenerator generator = new UlidGenerator(new Random(2));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(generator.next(1_000_000L));
		}
		ids.add(generator.next(999_999L));
		ids.add(generator.next(1_000_001L));
		assertThat(ids).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void timestampsHaveExactlyThreeFractionalDigits() {
		assertThat(Timestamps.format(Instant.parse("2026-01-15T12:00:00Z"))).isEqualTo("2026-01-15T12:00:00.000Z");
		assertThat(Timestamps.format(Instant.parse("2026-01-15T12:00:00.123456Z")))
			.isEqualTo("2026-01-15T12:00:00.123Z");
	}

}
