package com.organizationsgateway.peers;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;

/**
 * Logs a recurring warning at most once per interval, with how many were left out
 * meanwhile: while Redis is down every mutation fails to publish, and one line per
 * mutation would drown the log.
 */
final class RateLimitedLog {

	private final Log log;

	private final long intervalNanos;

	private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong suppressed = new AtomicLong();

	RateLimitedLog(Log log, Duration interval) {
		this.log = log;
		this.intervalNanos = interval.toNanos();
	}

	void warn(String message) {
		long now = System.nanoTime();
		long next = this.nextAllowed.get();
		if ((next != Long.MIN_VALUE && now - next < 0)
				|| !this.nextAllowed.compareAndSet(next, now + this.intervalNanos)) {
			this.suppressed.incrementAndGet();
			return;
		}
		long left = this.suppressed.getAndSet(0);
		this.log.warn((left > 0) ? message + " (" + left + " similar warnings left out)" : message);
	}

}
