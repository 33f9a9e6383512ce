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
 * @param reconnectInitialBackoff the wait before the first attempt to subscribe again,
 * doubled after each failure, with jitter
 * @param reconnectMaxBackoff the longest wait between attempts to subscribe again
 * @param pingInterval how often the subscription sends itself a heartbeat through Redis;
 * two intervals without one count as a lost link, even one that died without closing.
 * Zero turns this off
 * @param publishTimeout how long a publication may take before it counts as failed
 * @param maxSnapshotSize the largest organization snapshot sent along with a change;
 * larger ones are left out, and receivers only invalidate
 */
@ConfigurationProperties("gateway.peers")
record PeerProperties(@DefaultValue("organizations-gateway:organization-changes") String channel,
		@DefaultValue("100ms") Duration reconnectInitialBackoff, @DefaultValue("5s") Duration reconnectMaxBackoff,
		@DefaultValue("5s") Duration pingInterval, @DefaultValue("2s") Duration publishTimeout,
		@DefaultValue("32KB") DataSize maxSnapshotSize) {

}
