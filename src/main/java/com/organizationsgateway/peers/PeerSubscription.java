package com.organizationsgateway.peers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import com.organizationsgateway.organization.OrganizationChanges;
import com.organizationsgateway.peers.PeerMessageCodec.MalformedPeerMessageException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Listens on the Redis channel with Spring Data Redis' reactive listener container and
 * applies other instances' changes, in arrival order, through
 * {@link OrganizationChanges#publish} as origin PEER. While not subscribed, the cache
 * runs on its short peer-outage time to live; once subscribed again it is flushed, as
 * pub/sub keeps nothing for an absent listener.
 * <p>
 * The container notices neither a connection that stops delivering without closing nor
 * Lettuce resubscribing after a reconnection (messages may have been missed meanwhile).
 * So a subscription also ends when its own heartbeat, published every ping interval to a
 * channel only it listens on, stays away for two intervals, or when it is confirmed a
 * second time. A new container follows after an exponential backoff with jitter, forever.
 */
final class PeerSubscription implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(PeerSubscription.class);

	/** A heartbeat came back: nothing to apply, but the link works. */
	private static final Runnable HEARTBEAT = () -> {
	};

	private final LettuceConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final OrganizationChanges changes;

	private final PeerMessageCodec codec;

	private final PeerProperties properties;

	private final PeerMetrics metrics;

	private final String instance;

	private final RateLimitedLog failures = new RateLimitedLog(logger, Duration.ofSeconds(30));

	private final RateLimitedLog rejections = new RateLimitedLog(logger, Duration.ofSeconds(30));

	/** Runs each step in order: going live, every message, losing the subscription. */
	private final Scheduler applier = Schedulers.newSingle("peer-changes", true);

	private volatile State state = State.CONNECTING;

	private volatile Instant since = Instant.now();

	private volatile @Nullable Disposable subscription;

	PeerSubscription(LettuceConnectionFactory connectionFactory, ReactiveStringRedisTemplate redis,
			OrganizationChanges changes, PeerMessageCodec codec, PeerProperties properties, PeerMetrics metrics,
			String instance) {
		this.connectionFactory = connectionFactory;
		this.redis = redis;
		this.changes = changes;
		this.codec = codec;
		this.properties = properties;
		this.metrics = metrics;
		this.instance = instance;
		metrics.connectionState(() -> this.state == State.SUBSCRIBED);
	}

	@Override
	public void start() {
		// Until subscribed, other instances' changes go unheard.
		this.changes.peersUnreachable();
		this.subscription = Flux.defer(this::session)
			.doOnError((ex) -> this.applier.schedule(() -> lost(ex)))
			// From the initial wait again once a subscription went live.
			.retryWhen(Retry.backoff(Long.MAX_VALUE, this.properties.reconnectInitialBackoff())
				.maxBackoff(this.properties.reconnectMaxBackoff())
				.transientErrors(true))
			.subscribe(this.applier::schedule);
	}

	@Override
	public void stop() {
		Disposable current = this.subscription;
		this.subscription = null;
		if (current != null) {
			current.dispose();
		}
	}

	/** On shutdown, after the last stop; a stopped subscription may be started again. */
	@Override
	public void destroy() {
		this.applier.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

	/** After the connection factory, which creates the Redis client on start. */
	@Override
	public int getPhase() {
		int factoryPhase = this.connectionFactory.getPhase();
		return (factoryPhase == Integer.MAX_VALUE) ? factoryPhase : factoryPhase + 1;
	}

	/** Whether other instances' changes reach this one now. */
	State state() {
		return this.state;
	}

	/** When {@link #state()} last changed. */
	Instant since() {
		return this.since;
	}

	String instance() {
		return this.instance;
	}

	String channel() {
		return this.properties.channel();
	}

	/**
	 * One subscription on a container of its own, as steps to apply; it ends in an error.
	 */
	private Flux<Runnable> session() {
		String heartbeats = channel() + ":heartbeat:" + this.instance;
		Sinks.Many<Runnable> confirmations = Sinks.many().unicast().onBackpressureBuffer();
		AtomicBoolean confirmed = new AtomicBoolean();
		SubscriptionListener listener = new SubscriptionListener() {
			@Override
			public void onChannelSubscribed(byte[] channel, long count) {
				if (!Arrays.equals(channel, channel().getBytes(StandardCharsets.UTF_8))) {
					return;
				}
				if (confirmed.getAndSet(true)) {
					confirmations.tryEmitError(new IllegalStateException("resubscribed after a reconnection"));
				}
				else {
					confirmations.tryEmitNext(PeerSubscription.this::live);
				}
			}
		};
		// Creating a container may block, for the shared connection; closing one
		// whose connection went silent may take long, so it is not awaited.
		Flux<Runnable> steps = Flux.usingWhen(
				Mono.fromSupplier(() -> new ReactiveRedisMessageListenerContainer(this.connectionFactory))
					.subscribeOn(Schedulers.boundedElastic()),
				(container) -> container
					.receive(List.of(ChannelTopic.of(channel()), ChannelTopic.of(heartbeats)), listener)
					.<Runnable>map((message) -> heartbeats.equals(message.getChannel()) ? HEARTBEAT
							: () -> receive(message.getMessage()))
					.mergeWith(confirmations.asFlux()),
				(container) -> Mono.fromRunnable(() -> container.destroyLater().onErrorComplete().subscribe()));
		return heartbeats(steps, heartbeats).filter((step) -> step != HEARTBEAT);
	}

	/**
	 * Fails the steps when nothing, not even a heartbeat, came for two ping intervals.
	 * Heartbeats go over the shared connection, so they check the way out too.
	 */
	private Flux<Runnable> heartbeats(Flux<Runnable> steps, String channel) {
		Duration interval = this.properties.pingInterval();
		if (interval.isZero() || interval.isNegative()) {
			return steps;
		}
		Flux<Runnable> beats = Flux.interval(interval)
			.onBackpressureDrop()
			.concatMap((tick) -> this.redis.convertAndSend(channel, "").timeout(interval).onErrorComplete())
			.thenMany(Flux.empty());
		return steps.mergeWith(beats)
			.timeout(interval.multipliedBy(2), Mono.error(() -> new IllegalStateException("no heartbeat")));
	}

	/** Flushes only once subscribed, so that no change can slip in between. */
	private void live() {
		this.changes.peersReachable();
		if (this.state == State.DISCONNECTED) {
			this.metrics.reconnected();
			logger.info("Subscribed to Redis channel {} again; the organization cache was flushed,"
					+ " as changes may have been missed", channel());
		}
		else {
			logger.info("Subscribed to Redis channel {} as instance {}", channel(), this.instance);
		}
		setState(State.SUBSCRIBED);
	}

	private void lost(Throwable failure) {
		String reason = failure.getMessage();
		if (this.state != State.SUBSCRIBED) {
			this.failures.warn("Cannot subscribe to Redis channel {}; other instances' changes go unheard"
					+ " and the cache runs on its short peer-outage time to live: {}", channel(), reason);
			return;
		}
		setState(State.DISCONNECTED);
		this.changes.peersUnreachable();
		logger.warn("Lost the Redis subscription ({}); the organization cache runs on its short"
				+ " peer-outage time to live until it is back", reason);
	}

	private void receive(String text) {
		try {
			PeerMessage message = this.codec.decode(text);
			if (!this.instance.equals(message.instance())) {
				this.metrics.received(this.changes.publish(this.codec.change(message)));
			}
		}
		catch (MalformedPeerMessageException ex) {
			this.metrics.rejected();
			this.rejections.warn("Ignored a message on Redis channel {}: {}", channel(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			this.metrics.rejected();
			this.rejections.warn("Could not apply a message from Redis channel {}: {}", channel(), ex.toString());
		}
	}

	private void setState(State state) {
		this.state = state;
		this.since = Instant.now();
	}

	/** The subscription's state. */
	enum State {

		/** Not subscribed yet since startup. */
		CONNECTING,

		/** Subscribed: other instances' changes arrive. */
		SUBSCRIBED,

		/** Lost, reconnecting. */
		DISCONNECTED

	}

}
