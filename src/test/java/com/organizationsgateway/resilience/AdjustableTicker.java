package com.organizationsgateway.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

/** The cache's clock in these tests: real time, plus whatever a test skips ahead. */
final class AdjustableTicker implements Ticker {

	private final AtomicLong offset = new AtomicLong();

	@Override
	public long read() {
		return System.nanoTime() + this.offset.get();
	}

	void advance(Duration duration) {
		this.offset.addAndGet(duration.toNanos());
	}

}
