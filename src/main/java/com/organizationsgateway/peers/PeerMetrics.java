package com.organizationsgateway.peers;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import com.organizationsgateway.organization.OrganizationChanges.Outcome;

/**
 * The meters of the link between instances, under {@code gateway.peers.*}. No tag carries
 * an organization id.
 */
final class PeerMetrics {

	private final MeterRegistry registry;

	private final Counter published;

	private final Counter publishFailures;

	private final Counter rejected;

	private final Counter reconnections;

	private final Map<Outcome, Counter> received = new EnumMap<>(Outcome.class);

	PeerMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.published = Counter.builder("gateway.peers.messages.published")
			.description("Changes published to other instances")
			.register(registry);
		this.publishFailures = Counter.builder("gateway.peers.messages.publish.failures")
			.description("Changes that could not be published to other instances")
			.register(registry);
		this.rejected = Counter.builder("gateway.peers.messages.rejected")
			.description("Messages on the channel that were not changes this instance understands")
			.register(registry);
		this.reconnections = Counter.builder("gateway.peers.reconnections")
			.description("Times the subscription came back after a loss, each flushing the organization cache")
			.register(registry);
		for (Outcome outcome : Outcome.values()) {
			this.received.put(outcome,
					Counter.builder("gateway.peers.messages.received")
						.description("Changes received from other instances, by what applying them did")
						.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
						.register(registry));
		}
	}

	void published() {
		this.published.increment();
	}

	void publishFailed() {
		this.publishFailures.increment();
	}

	void rejected() {
		this.rejected.increment();
	}

	void reconnected() {
		this.reconnections.increment();
	}

	/**
	 * A message from another instance, by what applying it did ({@code accepted},
	 * {@code repeated}, {@code outdated}).
	 */
	void received(Outcome outcome) {
		this.received.get(outcome).increment();
	}

	/** 1 while subscribed to the channel, 0 otherwise. */
	void connectionState(Supplier<Boolean> connected) {
		Gauge.builder("gateway.peers.connected", () -> connected.get() ? 1 : 0)
			.description("1 while this instance hears other instances' changes, 0 while it does not")
			.register(this.registry);
	}

}
