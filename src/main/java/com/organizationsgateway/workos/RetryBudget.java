package com.organizationsgateway.workos;

/**
 * A token bucket shared by all calls that caps retries at a fraction of first attempts
 * (plus a small reserve), so that an outage does not multiply the traffic sent to WorkOS:
 * every first attempt deposits {@code ratio} tokens, every retry withdraws one.
 */
final class RetryBudget {

	private final double ratio;

	private final double capacity;

	private double tokens;

	RetryBudget(double ratio, int minimum) {
		this.ratio = ratio;
		// The reserve is also the ceiling: a long quiet spell does not bank a
		// retry storm.
		this.capacity = Math.max(1, minimum);
		this.tokens = this.capacity;
	}

	synchronized void recordAttempt() {
		this.tokens = Math.min(this.capacity, this.tokens + this.ratio);
	}

	/** Takes a token for one retry; false when the budget is spent. */
	synchronized boolean tryRetry() {
		if (this.tokens < 1) {
			return false;
		}
		this.tokens -= 1;
		return true;
	}

	synchronized double tokens() {
		return this.tokens;
	}

}
