package com.organizationsgateway.upstream;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Watches the WorkOS client's {@code http.client.requests} observations and remembers how
 * the recent calls went. A call fails when WorkOS cannot be reached, answers 5xx, or
 * refuses the gateway's key; a 4xx about the request itself means WorkOS is fine.
 */
class UpstreamCallTracker implements ObservationHandler<ClientRequestObservationContext> {

	private final Clock clock;

	private final Object lock = new Object();

	private @Nullable Instant lastSuccess;

	private @Nullable Instant lastFailure;

	private int consecutiveFailures;

	UpstreamCallTracker(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ClientRequestObservationContext;
	}

	@Override
	public void onStop(ClientRequestObservationContext context) {
		ClientResponse response = context.getResponse();
		boolean failed = response == null || response.statusCode().is5xxServerError()
				|| response.statusCode().value() == 401 || response.statusCode().value() == 403;
		Instant now = this.clock.instant();
		synchronized (this.lock) {
			if (failed) {
				this.lastFailure = now;
				this.consecutiveFailures++;
			}
			else {
				this.lastSuccess = now;
				this.consecutiveFailures = 0;
			}
		}
	}

	Snapshot snapshot() {
		synchronized (this.lock) {
			return new Snapshot(this.lastSuccess, this.lastFailure, this.consecutiveFailures);
		}
	}

	/**
	 * How the recent calls went.
	 *
	 * @param lastSuccess when a call last succeeded, if ever
	 * @param lastFailure when a call last failed, if ever
	 * @param consecutiveFailures failed calls since the last success
	 */
	record Snapshot(@Nullable Instant lastSuccess, @Nullable Instant lastFailure, int consecutiveFailures) {

	}

}
