package com.organizationsgateway.organization;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What one test subscription received, in order: events, then perhaps its end (an error
 * or completion), taken one at a time with a timeout.
 */
final class ChangeEvents implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Object COMPLETED = new Object();

	private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

	private final Disposable subscription;

	private ChangeEvents(Flux<? extends Map<String, Object>> events) {
		this.subscription = events.subscribe(this.received::add, this.received::add,
				() -> this.received.add(COMPLETED));
	}

	static ChangeEvents of(Flux<? extends Map<String, Object>> events) {
		return new ChangeEvents(events);
	}

	/** The next event; fails on an error, the end, or nothing within 30 s. */
	Map<String, Object> next() {
		Object item = take();
		if (item instanceof Throwable ex) {
			throw new AssertionError("The subscription failed", ex);
		}
		assertThat(item).as("the subscription ended").isNotSameAs(COMPLETED);
		@SuppressWarnings("unchecked")
		Map<String, Object> event = (Map<String, Object>) item;
		return event;
	}

	/** The next event that satisfies the predicate, skipping others. */
	Map<String, Object> next(Predicate<Map<String, Object>> wanted) {
		for (int i = 0; i < 1000; i++) {
			Map<String, Object> event = next();
			if (wanted.test(event)) {
				return event;
			}
		}
		return fail("no wanted event among 1000");
	}

	/** The error the subscription ended with. */
	Throwable error() {
		Object item = take();
		assertThat(item).as("an error").isInstanceOf(Throwable.class);
		return (Throwable) item;
	}

	/** Whether the subscription has ended with an error already. */
	boolean failed() {
		return this.received.peek() instanceof Throwable;
	}

	private Object take() {
		try {
			Object item = this.received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(item).as("something received within " + WAIT).isNotNull();
			return item;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	@Override
	public void close() {
		this.subscription.dispose();
	}

}
