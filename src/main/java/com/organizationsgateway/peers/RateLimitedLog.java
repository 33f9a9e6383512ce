package com.organizationsgateway.peers;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs a recurring warning at most once per interval, with how many were left out
 * meanwhile: while Redis is down every mutation fails to publish, and one line per
 * mutation would drown the log.
 */
final class RateLimitedLog {

	private final Logger logger;

	private final long intervalNanos;

	private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong suppressed = new AtomicLong();

	RateLimitedLog(Logger logger, Duration interval) {
		this.logger = logger;
		this.intervalNanos = interval.toNanos();
	}

	/** A warning as SLF4J formats it, unless one was logged less than an interval ago. */
	void warn(String format, Object... arguments) {
		long now = System.nanoTime();
		long next = this.nextAllowed.get();
		if ((next != Long.MIN_VALUE && now - next < 0)
				|| !this.nextAllowed.compareAndSet(next, now + this.intervalNanos)) {
			this.suppressed.incrementAndGet();
			return;
		}
		long left = this.suppressed.getAndSet(0);
		if (left == 0) {
			this.logger.warn(format, arguments);
			return;
		}
		Object[] withLeft = Arrays.copyOf(arguments, arguments.length + 1);
		withLeft[arguments.length] = left;
		this.logger.warn(format + " ({} similar warnings left out)", withLeft);
	}

}
