package com.organizationsgateway.peers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How gateway instances tell each other of changes over Redis (only when
 * {@code spring.data.redis.*} is configured).
 *
 * @param channel the Redis pub/sub channel; instances that share it share invalidations
 * @param reconnectInitialBackoff the wait before the first reconnection attempt, doubled
 * after each failure
 * @param reconnectMaxBackoff the longest wait between reconnection attempts
 * @param pingInterval how often the subscription's connection is checked with a PING, to
 * notice a connection that died silently; zero turns this off
 * @param publishTimeout how long a publication may take before it counts as failed
 * @param maxSnapshotSize the largest organization snapshot sent along with a change;
 * larger ones are left out, and receivers only invalidate
 */
@ConfigurationProperties("gateway.peers")
record PeerProperties(@DefaultValue("organizations-gateway:organization-changes") String channel,
		@DefaultValue("100ms") Duration reconnectInitialBackoff, @DefaultValue("5s") Duration reconnectMaxBackoff,
		@DefaultValue("5s") Duration pingInterval, @DefaultValue("2s") Duration publishTimeout,
		@DefaultValue("32KB") DataSize maxSnapshotSize) {

	/** The wait before reconnection attempt {@code attempt} (0 for the first). */
	Duration backoff(int attempt) {
		Duration delay = this.reconnectInitialBackoff.multipliedBy(1L << Math.min(attempt, 20));
		return (delay.compareTo(this.reconnectMaxBackoff) > 0) ? this.reconnectMaxBackoff : delay;
	}

}
