package com.organizationsgateway.peers;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.organizationsgateway.organization.OrganizationChange;
import com.organizationsgateway.organization.OrganizationChanges;
import com.organizationsgateway.peers.PeerMessageCodec.MalformedPeerMessageException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Listens on the Redis channel and applies other instances' changes through
 * {@link OrganizationChanges#publish}, as origin PEER.
 * <p>
 * It owns its pub/sub connection rather than leaving reconnection to Lettuce, because it
 * must know when the link is down and when it is back with the subscription in place:
 * while down, the cache runs on the short peer-outage time to live; once subscribed
 * again, the whole cache is flushed, since messages sent meanwhile are lost (pub/sub
 * keeps nothing). A lost connection is closed and replaced by a new one, with exponential
 * backoff between attempts, forever.
 */
final class PeerSubscription implements SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(PeerSubscription.class);

	private final LettuceConnectionFactory connectionFactory;

	private final OrganizationChanges changes;

	private final PeerMessageCodec codec;

	private final PeerProperties properties;

	private final PeerMetrics metrics;

	private final String instance;

	private final RateLimitedLog connectFailures = new RateLimitedLog(logger, Duration.ofSeconds(30));

	private final RateLimitedLog rejections = new RateLimitedLog(logger, Duration.ofSeconds(30));

	/** Applies messages one at a time, in arrival order, off Lettuce's event loop. */
	private final ExecutorService applier = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "peer-changes");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<@Nullable StatefulRedisPubSubConnection<String, String>> connection = new AtomicReference<>();

	private final AtomicInteger failedAttempts = new AtomicInteger();

	/** Guards going live against losing the connection. */
	private final Object transitions = new Object();

	private volatile State state = State.CONNECTING;

	private volatile Instant since = Instant.now();

	private volatile boolean everConnected;

	private volatile boolean running;

	private volatile @Nullable Disposable pending;

	private volatile @Nullable Disposable pings;

	PeerSubscription(LettuceConnectionFactory connectionFactory, OrganizationChanges changes, PeerMessageCodec codec,
			PeerProperties properties, PeerMetrics metrics, String instance) {
		this.connectionFactory = connectionFactory;
		this.changes = changes;
		this.codec = codec;
		this.properties = properties;
		this.metrics = metrics;
		this.instance = instance;
		metrics.connectionState(() -> this.state == State.SUBSCRIBED);
	}

	@Override
	public void start() {
		this.running = true;
		// Until subscribed, other instances' changes go unheard.
		this.changes.peersUnreachable();
		connectAfter(Duration.ZERO);
	}

	@Override
	public void stop() {
		StatefulRedisPubSubConnection<String, String> current;
		// Serialised with subscribed(), so that a connection being opened meanwhile
		// cannot go live (and start its pings) after the stop.
		synchronized (this.transitions) {
			this.running = false;
			current = this.connection.getAndSet(null);
		}
		dispose(this.pending);
		dispose(this.pings);
		if (current != null) {
			current.close();
		}
	}

	/** On shutdown, after the last stop; a stopped subscription may be started again. */
	@Override
	public void destroy() {
		this.applier.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
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

	private void connectAfter(Duration delay) {
		if (!this.running) {
			return;
		}
		this.pending = Mono.delay(delay, Schedulers.boundedElastic()).subscribe((tick) -> connect());
	}

	/** Runs on a bounded-elastic thread: Lettuce's connect and subscribe block. */
	private void connect() {
		if (!this.running) {
			return;
		}
		StatefulRedisPubSubConnection<String, String> opened = null;
		boolean registered = false;
		try {
			opened = open();
			StatefulRedisPubSubConnection<String, String> current = opened;
			current.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					apply(message);
				}
			});
			current.addListener(new RedisConnectionStateListener() {
				@Override
				public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
					lost(current, "connection closed");
				}
			});
			this.connection.set(current);
			registered = true;
			current.sync().subscribe(this.properties.channel());
			if (!subscribed(current)) {
				throw new IllegalStateException("connection lost while subscribing");
			}
		}
		catch (RuntimeException ex) {
			int failures = this.failedAttempts.getAndIncrement();
			this.connectFailures.warn("Cannot subscribe to Redis channel " + this.properties.channel()
					+ "; other instances' changes go unheard and the cache runs on its short peer-outage time to live: "
					+ ex.getMessage());
			// Once registered, a loss may already have been handled (and a new attempt
			// scheduled) by lost(); whoever takes the connection out schedules the next.
			boolean ours = !registered || this.connection.compareAndSet(opened, null);
			if (opened != null) {
				opened.closeAsync();
			}
			if (ours) {
				connectAfter(this.properties.backoff(failures));
			}
		}
	}

	private StatefulRedisPubSubConnection<String, String> open() {
		AbstractRedisClient client = this.connectionFactory.getRequiredNativeClient();
		if (client instanceof RedisClusterClient cluster) {
			return cluster.connectPubSub(StringCodec.UTF8);
		}
		if (client instanceof RedisClient standalone) {
			return standalone.connectPubSub(StringCodec.UTF8);
		}
		throw new IllegalStateException("Unsupported Redis client " + client.getClass().getName());
	}

	/**
	 * Goes live on a connection that just subscribed, unless it was lost meanwhile.
	 * Serialised with {@link #lost}, so that a loss can never be overtaken by going live.
	 */
	private boolean subscribed(StatefulRedisPubSubConnection<String, String> current) {
		synchronized (this.transitions) {
			if (!this.running || this.connection.get() != current || !current.isOpen()) {
				return false;
			}
			this.failedAttempts.set(0);
			// Flushed only now that the subscription is in place, so that no change can
			// slip between the flush and the first message heard.
			this.changes.peersReachable();
			if (this.everConnected) {
				this.metrics.reconnected();
				logger.info("Subscribed to Redis channel " + this.properties.channel()
						+ " again; the organization cache was flushed, as changes may have been missed");
			}
			else {
				logger
					.info("Subscribed to Redis channel " + this.properties.channel() + " as instance " + this.instance);
			}
			this.everConnected = true;
			startPings(current);
			// Last, so that whoever sees the state sees everything above done.
			setState(State.SUBSCRIBED);
			return true;
		}
	}

	/** A PING now and then notices a connection that died without closing. */
	private void startPings(StatefulRedisPubSubConnection<String, String> current) {
		Duration interval = this.properties.pingInterval();
		if (interval.isZero() || interval.isNegative()) {
			return;
		}
		dispose(this.pings);
		this.pings = Flux.interval(interval, Schedulers.parallel())
			.concatMap((tick) -> current.reactive().ping().timeout(interval).onErrorResume((ex) -> {
				lost(current, "no answer to PING: " + ex.getMessage());
				return Mono.empty();
			}))
			.subscribe();
	}

	private void lost(StatefulRedisPubSubConnection<String, String> lostConnection, String reason) {
		synchronized (this.transitions) {
			if (!this.running || !this.connection.compareAndSet(lostConnection, null)) {
				return;
			}
			dispose(this.pings);
			setState(State.DISCONNECTED);
			this.changes.peersUnreachable();
		}
		logger.warn("Lost the Redis subscription (" + reason
				+ "); the organization cache runs on its short peer-outage time to live until it is back");
		// Closed rather than left to Lettuce's own reconnection, which would resubscribe
		// without telling when.
		lostConnection.closeAsync();
		connectAfter(this.properties.backoff(0));
	}

	private void apply(String message) {
		try {
			this.applier.execute(() -> receive(message));
		}
		catch (RejectedExecutionException ex) {
			// Stopping: the cache goes away with the application.
		}
	}

	private void receive(String text) {
		try {
			PeerMessage message = this.codec.decode(text);
			if (this.instance.equals(message.instance())) {
				return;
			}
			OrganizationChange change = this.codec.change(message);
			this.metrics.received(this.changes.publish(change));
		}
		catch (MalformedPeerMessageException ex) {
			this.metrics.rejected();
			this.rejections
				.warn("Ignored a message on Redis channel " + this.properties.channel() + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			this.metrics.rejected();
			this.rejections
				.warn("Could not apply a message from Redis channel " + this.properties.channel() + ": " + ex);
		}
	}

	private void setState(State state) {
		this.state = state;
		this.since = Instant.now();
	}

	private static void dispose(@Nullable Disposable disposable) {
		if (disposable != null) {
			disposable.dispose();
		}
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
