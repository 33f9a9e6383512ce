package com.organizationsgateway.peers;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

import com.organizationsgateway.organization.OrganizationChange;
import com.organizationsgateway.organization.OrganizationChange.Origin;
import com.organizationsgateway.organization.OrganizationChanges;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Publishes every change accepted here that other instances cannot have learnt themselves
 * (origin GATEWAY or WEBHOOK; PEER changes came from them) on the Redis channel.
 * Publishing is fire-and-forget: a failure is counted and logged, rate-limited, and never
 * reaches the mutation that caused the change; other instances then see the change when
 * their cache entry expires.
 */
final class PeerPublisher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PeerPublisher.class);

	private final OrganizationChanges changes;

	private final ReactiveStringRedisTemplate redis;

	private final PeerMessageCodec codec;

	private final PeerProperties properties;

	private final PeerMetrics metrics;

	private final InstanceId instance;

	private final RateLimitedLog failures = new RateLimitedLog(logger, Duration.ofSeconds(30));

	private volatile @Nullable Disposable subscription;

	PeerPublisher(OrganizationChanges changes, ReactiveStringRedisTemplate redis, PeerMessageCodec codec,
			PeerProperties properties, PeerMetrics metrics, InstanceId instance) {
		this.changes = changes;
		this.redis = redis;
		this.codec = codec;
		this.properties = properties;
		this.metrics = metrics;
		this.instance = instance;
	}

	@Override
	public void start() {
		// A plain subscriber asks for everything, so the best-effort stream never drops
		// a change for it; each publication then runs on its own.
		this.subscription = this.changes.stream()
			.filter((change) -> change.origin() != Origin.PEER)
			.subscribe(this::publish);
	}

	@Override
	public void stop() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
		this.subscription = null;
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

	private void publish(OrganizationChange change) {
		// Nothing may escape: an exception here would end the subscription to the
		// stream for good.
		try {
			String message = this.codec.encode(change, this.instance.value());
			this.redis.convertAndSend(this.properties.channel(), message)
				.timeout(this.properties.publishTimeout())
				.subscribe((receivers) -> this.metrics.published(), this::failed);
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	private void failed(Throwable ex) {
		this.metrics.publishFailed();
		this.failures.warn("Could not tell other instances of a change over Redis channel {};"
				+ " they see it when their cache entry expires: {}", this.properties.channel(), ex.toString());
	}

}
