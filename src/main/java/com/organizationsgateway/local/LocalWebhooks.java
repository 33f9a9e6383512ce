package com.organizationsgateway.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Sends a signed WorkOS-style webhook after each change to the local API's store, as
 * WorkOS does: {@code {"object":"event","id","event","data","created_at"}} with the
 * organization or domain rendered exactly as the API returns it, so {@code updated_at}
 * matches.
 * <p>
 * Changes are queued under the store's lock and delivered one at a time, so in the order
 * they happened, with retries on Reactor's exponential backoff (as the WorkOS client's);
 * nothing blocks a thread while it waits. The queue is bounded: when it is full a change
 * is dropped (logged and counted) rather than holding up the API call. Public so that the
 * app can point it at a target it learns at startup.
 */
public final class LocalWebhooks implements ChangeListener, AutoCloseable {

	static final String SIGNATURE_HEADER = "WorkOS-Signature";

	static final String METER = "local.api.webhooks";

	private static final Logger logger = LoggerFactory.getLogger(LocalWebhooks.class);

	private static final Duration DROP_LOG_INTERVAL = Duration.ofSeconds(10);

	private final LocalApiProperties.Webhooks settings;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final UlidGenerator eventIds = new UlidGenerator(new SecureRandom());

	private final Sinks.Many<WebhookEvent> queue;

	private final HttpClient http;

	private final Disposable sender;

	private final Counter delivered;

	private final Counter failed;

	private final Counter dropped;

	private volatile @Nullable Target target;

	private final Object dropLog = new Object();

	private @Nullable Instant lastDropLogged;

	private long droppedSinceLogged;

	LocalWebhooks(LocalApiProperties.Webhooks settings, JsonMapper jsonMapper, Clock clock, MeterRegistry meters) {
		this.settings = settings;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
		this.queue = Sinks.many()
			.unicast()
			.onBackpressureBuffer(new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())));
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.delivered = counter(meters, "delivered");
		this.failed = counter(meters, "failed");
		this.dropped = counter(meters, "dropped");
		if (settings.enabled() && settings.hasTarget() && settings.hasSecret()) {
			this.target = new Target(settings.targetUrl(), settings.secret());
		}
		// Without prefetch, one event is in delivery and the rest wait in the bounded
		// queue, in order.
		this.sender = settings.enabled() ? this.queue.asFlux().concatMap(this::deliver, 0).subscribe()
				: Disposables.disposed();
	}

	/**
	 * Delivers from now on to {@code url}, signed with {@code secret}; unless webhooks
	 * are switched off ({@code gateway.local-api.webhooks.enabled=false}).
	 */
	public void deliverTo(URI url, String secret) {
		if (this.settings.enabled()) {
			this.target = new Target(url, secret);
		}
	}

	@Override
	public void changed(String event, LocalOrganization organization) {
		enqueue(event, organization.id(), () -> OrganizationJson.organization(organization));
	}

	@Override
	public void domainChanged(String event, LocalDomain domain, @Nullable String reason) {
		enqueue(event, domain.id(), () -> (reason != null) ? OrganizationJson.verificationFailed(domain, reason)
				: OrganizationJson.domain(domain));
	}

	private void enqueue(String event, String subject, Supplier<Map<String, @Nullable Object>> data) {
		if (this.target == null) {
			return;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		WebhookEvent webhook = new WebhookEvent("event_" + this.eventIds.next(now.toEpochMilli()), event, subject, data,
				now);
		Sinks.EmitResult result;
		synchronized (this.queue) {
			result = this.queue.tryEmitNext(webhook);
		}
		// Anything but a full queue means the sender was closed: the app is stopping.
		if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
			this.dropped.increment();
			logDrop(webhook);
		}
	}

	/** Stops delivering; what is still queued is lost, as on any restart. */
	@Override
	public void close() {
		this.sender.dispose();
	}

	private Mono<Void> deliver(WebhookEvent event) {
		Target current = this.target;
		if (current == null) {
			return Mono.empty();
		}
		return Mono.defer(() -> send(current, this.jsonMapper.writeValueAsBytes(body(event))))
			.retryWhen(Retry.backoff(Math.max(0, this.settings.maxAttempts() - 1), this.settings.initialBackoff())
				.maxBackoff(this.settings.maxBackoff())
				.filter(LocalWebhooks::isRetryable)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.doOnSuccess((ignored) -> this.delivered.increment())
			.onErrorResume((ex) -> {
				// One event that cannot be sent must not stop the sender for all.
				this.failed.increment();
				logger.warn("Local API webhook {} {} for {} not delivered to {} ({})", event.event(), event.id(),
						event.subject(), current.url(), problem(ex));
				return Mono.empty();
			});
	}

	/**
	 * One attempt: a fresh signature, and the receiver's answer as success or failure.
	 */
	private Mono<Void> send(Target target, byte[] body) {
		String signature = WebhookSigner.signatureHeader(target.secret(), this.clock.millis(), body);
		HttpRequest request = HttpRequest.newBuilder(target.url())
			.timeout(this.settings.timeout())
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.header(HttpHeaders.USER_AGENT, "organizations-gateway-local-api")
			.header(SIGNATURE_HEADER, signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return Mono.fromFuture(() -> this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
			.flatMap((response) -> (response.statusCode() >= 200 && response.statusCode() < 300) ? Mono.empty()
					: Mono.error(new Refused(response.statusCode())));
	}

	/**
	 * Connection failures, timeouts, 5xx, 408 and 429 are worth another try; any other
	 * answer means the receiver refused this event for good.
	 */
	private static boolean isRetryable(Throwable failure) {
		if (failure instanceof Refused refused) {
			return refused.status >= 500 || refused.status == 408 || refused.status == 429;
		}
		return failure instanceof IOException;
	}

	private static String problem(Throwable failure) {
		if (failure instanceof Refused refused) {
			return "status " + refused.status;
		}
		return (failure instanceof IOException) ? failure.getClass().getSimpleName() : failure.toString();
	}

	private static Map<String, @Nullable Object> body(WebhookEvent event) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("object", "event");
		json.put("id", event.id());
		json.put("event", event.event());
		json.put("data", event.data().get());
		json.put("created_at", Timestamps.format(event.createdAt()));
		return json;
	}

	private void logDrop(WebhookEvent event) {
		Instant now = this.clock.instant();
		synchronized (this.dropLog) {
			this.droppedSinceLogged++;
			if (this.lastDropLogged == null || !now.isBefore(this.lastDropLogged.plus(DROP_LOG_INTERVAL))) {
				logger.warn("Local API webhook queue full ({} waiting): dropped {} event(s), the last {} for {}",
						this.settings.queueCapacity(), this.droppedSinceLogged, event.event(), event.subject());
				this.lastDropLogged = now;
				this.droppedSinceLogged = 0;
			}
		}
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder(METER)
			.description("Webhooks the local Organizations API sent, by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	/** The receiver answered with a status other than 2xx. */
	private static final class Refused extends RuntimeException {

		private final int status;

		Refused(int status) {
			super("status " + status, null, false, false);
			this.status = status;
		}

	}

	private record Target(URI url, String secret) {

		@Override
		public String toString() {
			return "Target[url=" + this.url + ", secret=******]";
		}

	}

}
