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
import java.util.concurrent.BlockingQueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Sends a signed WorkOS-style webhook after each change to the local API's store, as
 * WorkOS does: {@code {"object":"event","id","event","data","created_at"}} with the
 * organization rendered exactly as the API returns it, so {@code updated_at} matches.
 * <p>
 * Changes are queued under the store's lock and delivered one at a time by one thread, so
 * in the order they happened, with a few retries. The queue is bounded: when it is full a
 * change is dropped (logged and counted) rather than holding up the API call. Public so
 * that the app can point it at a target it learns at startup.
 */
public final class LocalWebhooks implements ChangeListener, AutoCloseable {

	static final String SIGNATURE_HEADER = "WorkOS-Signature";

	static final String METER = "local.api.webhooks";

	private static final Log logger = LogFactory.getLog(LocalWebhooks.class);

	private static final Duration DROP_LOG_INTERVAL = Duration.ofSeconds(10);

	private final LocalApiProperties.Webhooks settings;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final UlidGenerator eventIds = new UlidGenerator(new SecureRandom());

	private final BlockingQueue<WebhookEvent> queue;

	private final HttpClient http;

	private final Thread sender;

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
		this.queue = new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity()));
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
		this.sender = new Thread(this::deliverForever, "local-api-webhooks");
		this.sender.setDaemon(true);
		if (settings.enabled()) {
			this.sender.start();
		}
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
		if (this.target == null) {
			return;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		WebhookEvent webhook = new WebhookEvent("event_" + this.eventIds.next(now.toEpochMilli()), event, organization,
				now);
		if (!this.queue.offer(webhook)) {
			this.dropped.increment();
			logDrop(webhook);
		}
	}

	/** Stops delivering; what is still queued is lost, as on any restart. */
	@Override
	public void close() {
		this.sender.interrupt();
	}

	private void deliverForever() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				WebhookEvent event = this.queue.take();
				try {
					deliver(event);
				}
				catch (RuntimeException ex) {
					// One event that cannot be sent must not stop the sender for all.
					this.failed.increment();
					logger.warn("Local API webhook " + event.event() + " " + event.id() + " not delivered: " + ex);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void deliver(WebhookEvent event) throws InterruptedException {
		Target current = this.target;
		if (current == null) {
			return;
		}
		byte[] body = this.jsonMapper.writeValueAsBytes(body(event));
		Duration backoff = this.settings.initialBackoff();
		String lastProblem = "";
		for (int attempt = 1; attempt <= this.settings.maxAttempts(); attempt++) {
			if (attempt > 1) {
				Thread.sleep(backoff.toMillis());
				backoff = backoff.multipliedBy(2);
			}
			try {
				int status = send(current, body);
				if (status >= 200 && status < 300) {
					this.delivered.increment();
					return;
				}
				lastProblem = "status " + status;
				if (status < 500 && status != 408 && status != 429) {
					// the receiver refused this event for good; a retry would be refused
					// too
					break;
				}
			}
			catch (IOException ex) {
				lastProblem = ex.getClass().getSimpleName();
			}
		}
		this.failed.increment();
		logger.warn("Local API webhook " + event.event() + " " + event.id() + " for " + event.organization().id()
				+ " not delivered to " + current.url() + " (" + lastProblem + ")");
	}

	private int send(Target target, byte[] body) throws IOException, InterruptedException {
		String signature = WebhookSigner.signatureHeader(target.secret(), this.clock.millis(), body);
		HttpRequest request = HttpRequest.newBuilder(target.url())
			.timeout(this.settings.timeout())
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.header(HttpHeaders.USER_AGENT, "organizations-gateway-local-api")
			.header(SIGNATURE_HEADER, signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static Map<String, @Nullable Object> body(WebhookEvent event) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("object", "event");
		json.put("id", event.id());
		json.put("event", event.event());
		json.put("data", OrganizationJson.organization(event.organization()));
		json.put("created_at", Timestamps.format(event.createdAt()));
		return json;
	}

	private void logDrop(WebhookEvent event) {
		Instant now = this.clock.instant();
		synchronized (this.dropLog) {
			this.droppedSinceLogged++;
			if (this.lastDropLogged == null || !now.isBefore(this.lastDropLogged.plus(DROP_LOG_INTERVAL))) {
				logger.warn("Local API webhook queue full (" + this.queue.size() + " waiting): dropped "
						+ this.droppedSinceLogged + " event(s), the last " + event.event() + " for "
						+ event.organization().id());
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

	private record Target(URI url, String secret) {

		@Override
		public String toString() {
			return "Target[url=" + this.url + ", secret=******]";
		}

	}

}
