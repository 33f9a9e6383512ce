package com.organizationsgateway.responsecache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a kept response is replayed, on a fake clock: its time to live measured from
 * when its computation began, capped by the organization cache's lifetimes, ended by any
 * invalidation, and renewed by one request ahead of its expiry.
 */
class ResponseCacheLifetimeTest {

	private final AtomicLong nanos = new AtomicLong();

	private final ResponseCache cache = new ResponseCache(new ResponseCacheProperties(true, Duration.ofSeconds(10),
			DataSize.ofMegabytes(1), DataSize.ofKilobytes(64)), this.nanos::get);

	@Test
	void aResponseIsReplayedForItsTimeToLiveFromWhenItsComputationBegan() {
		long began = this.cache.now();
		advance(Duration.ofSeconds(2));
		this.cache.put("k", response(began));

		advance(Duration.ofSeconds(2));
		assertThat(this.cache.replayable("k")).isNotNull();
		advance(Duration.ofMillis(5999));
		assertThat(this.cache.replayable("k")).as("the request that would compute its successor").isNull();
		assertThat(this.cache.replayable("k")).as("just before its expiry").isNotNull();
		advance(Duration.ofMillis(1));
		assertThat(this.cache.replayable("k")).as("expired").isNull();
	}

	@Test
	void inTheSecondHalfOfItsLifetimeOneRequestComputesItsSuccessorWhileTheOthersReplay() {
		this.cache.put("k", response(this.cache.now()));
		advance(Duration.ofSeconds(4));
		assertThat(this.cache.replayable("k")).isNotNull();

		advance(Duration.ofSeconds(2));
		assertThat(this.cache.replayable("k")).as("the first request in the second half runs").isNull();
		assertThat(this.cache.replayable("k")).as("the others are still answered").isNotNull();
		assertThat(this.cache.replayable("k")).isNotNull();

		CachedResponse successor = response(this.cache.now());
		this.cache.put("k", successor);
		advance(Duration.ofSeconds(4));
		assertThat(this.cache.replayable("k")).isSameAs(successor);
	}

	@Test
	void anInvalidationEndsEveryResponseAndRefusesThoseComputedBeforeIt() {
		long generation = this.cache.generation();
		this.cache.put("kept", response(this.cache.now()));

		this.cache.organizationsInvalidated();
		this.cache.put("computing meanwhile",
				new CachedResponse(new byte[0], MediaType.APPLICATION_JSON, Map.of(), generation, this.cache.now()));

		assertThat(this.cache.replayable("kept")).isNull();
		assertThat(this.cache.replayable("computing meanwhile")).isNull();
		this.cache.put("after", response(this.cache.now()));
		assertThat(this.cache.replayable("after")).isNotNull();
	}

	@Test
	void responsesLiveNoLongerThanTheOrganizationCacheKeepsAnything() {
		this.cache.lifetimeChanged(Duration.ofSeconds(1));
		this.cache.put("k", response(this.cache.now()));
		advance(Duration.ofMillis(1001));
		assertThat(this.cache.replayable("k")).isNull();

		this.cache.lifetimeChanged(Duration.ofMinutes(5));
		this.cache.put("k", response(this.cache.now()));
		advance(Duration.ofSeconds(10));
		assertThat(this.cache.replayable("k")).as("never longer than its own time to live").isNull();
	}

	@Test
	void theKeptResponsesTogetherStayWithinTheirTotalSize() {
		ResponseCache small = new ResponseCache(new ResponseCacheProperties(true, Duration.ofSeconds(10),
				DataSize.ofBytes(1000), DataSize.ofBytes(500)), this.nanos::get);
		for (int i = 0; i < 10; i++) {
			small.put("key-" + i, new CachedResponse(new byte[300], MediaType.APPLICATION_JSON, Map.of(),
					small.generation(), small.now()));
		}

		long kept = IntStream.range(0, 10).filter((i) -> small.replayable("key-" + i) != null).count();
		assertThat(kept).isBetween(1L, 3L);
	}

	private CachedResponse response(long keptAt) {
		return new CachedResponse("{\"data\":{}}".getBytes(), MediaType.APPLICATION_JSON,
				Map.of("Vary", List.of("Accept")), this.cache.generation(), keptAt);
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
