package com.organizationsgateway.webhook;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Polls for something that happens asynchronously, up to a bound; the assertion that
 * follows decides, never the wait itself.
 */
public final class Eventually {

	private Eventually() {
	}

	/**
	 * The first value that {@code done} accepts, or the last one seen at the deadline.
	 */
	public static <T> T poll(Supplier<T> value, java.util.function.Predicate<T> done, Duration bound) {
		long deadline = System.nanoTime() + bound.toNanos();
		T current = value.get();
		while (!done.test(current) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return current;
			}
			current = value.get();
		}
		return current;
	}

}
