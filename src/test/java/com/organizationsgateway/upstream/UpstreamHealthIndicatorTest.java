package com.organizationsgateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness from the gateway's own WorkOS calls, on a fake clock: down after the
 * threshold of failures in a row, up again after a success or once the window passes.
 */
class UpstreamHealthIndicatorTest {

	private final MutableClock clock = new MutableClock();

	private final UpstreamCallTracker tracker = new UpstreamCallTracker(this.clock);

	private final UpstreamHealthIndicator indicator = new UpstreamHealthIndicator(this.tracker,
			new UpstreamHealthProperties(3, Duration.ofSeconds(30)), this.clock);

	@Test
	void upBeforeAnyCall() {
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void downAfterThreeFailuresInARowAndUpAgainAfterASuccess() {
		call(HttpStatus.SERVICE_UNAVAILABLE);
		call(null);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
		call(HttpStatus.UNAUTHORIZED);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);

		call(HttpStatus.OK);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void clientErrorsAboutTheRequestMeanWorkOsIsFine() {
		for (int i = 0; i < 5; i++) {
			call(HttpStatus.NOT_FOUND);
			call(HttpStatus.TOO_MANY_REQUESTS);
		}
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void upAgainOnceTheWindowPassesWithoutAFailure() {
		for (int i = 0; i < 3; i++) {
			call(HttpStatus.BAD_GATEWAY);
		}
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	private void call(HttpStatus status) {
		ClientRequestObservationContext context = new ClientRequestObservationContext(
				ClientRequest.create(org.springframework.http.HttpMethod.GET, java.net.URI.create("http://workos/x")));
		if (status != null) {
			context.setResponse(ClientResponse.create(status).build());
		}
		this.tracker.onStop(context);
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
