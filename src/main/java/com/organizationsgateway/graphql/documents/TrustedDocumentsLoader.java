package com.organizationsgateway.graphql.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.SmartLifecycle;

/**
 * Loads the manifests into the {@link TrustedDocuments} when the gateway starts, where
 * any problem stops the start, and then checks them every reload interval: a changed set
 * of files is loaded and checked whole and put in force at once, and one that fails keeps
 * the previous list in force, logged and counted. Without manifests (the trusted
 * documents are off) it does nothing.
 */
final class TrustedDocumentsLoader implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TrustedDocumentsLoader.class);

	private final List<Path> paths;

	private final GraphQLSchema schema;

	private final TrustedDocuments trusted;

	private final Duration interval;

	private final Counter loaded;

	private final Counter failed;

	private volatile ManifestStamp current;

	private @Nullable ManifestStamp lastFailure;

	private @Nullable ScheduledExecutorService poller;

	TrustedDocumentsLoader(List<Path> paths, Duration interval, GraphQLSchema schema, TrustedDocuments trusted,
			MeterRegistry registry) {
		this.paths = List.copyOf(paths);
		this.schema = schema;
		this.trusted = trusted;
		this.interval = interval;
		this.loaded = reloads(registry, "loaded");
		this.failed = reloads(registry, "failed");
		this.current = ManifestStamp.of(this.paths);
		if (this.paths.isEmpty()) {
			return;
		}
		TrustedDocumentList list = load();
		trusted.install(list);
		logger.info("Trusted documents: {} listed from {}, mode {}{}", list.size(), this.paths,
				trusted.mode().setting(), this.interval.isZero() ? ""
						: ", checked for changes every " + DurationStyle.SIMPLE.print(this.interval));
		if (list.isEmpty()) {
			logger.warn("Trusted documents: the manifests {} list no documents", this.paths);
		}
	}

	/** Checks the manifests once, and reloads them if they changed. */
	void reloadIfChanged() {
		ManifestStamp stamp;
		try {
			stamp = ManifestStamp.of(this.paths);
			if (stamp.equals(this.current)) {
				return;
			}
		}
		catch (TrustedDocumentsException ex) {
			failed(null, ex);
			return;
		}
		try {
			TrustedDocumentList list = load();
			this.trusted.install(list);
			this.current = stamp;
			this.lastFailure = null;
			this.loaded.increment();
			logger.info("Trusted documents: reloaded, {} listed", list.size());
		}
		catch (TrustedDocumentsException ex) {
			failed(stamp, ex);
		}
	}

	private TrustedDocumentList load() {
		return TrustedDocumentList.of(ManifestReader.read(ManifestReader.files(this.paths)), this.schema);
	}

	/** Logged and counted once per state of the files, not on every check. */
	private void failed(@Nullable ManifestStamp stamp, TrustedDocumentsException ex) {
		if (stamp != null && stamp.equals(this.lastFailure)) {
			return;
		}
		this.lastFailure = stamp;
		this.failed.increment();
		logger.error("Trusted documents: the changed manifests were not loaded; the previous list stays in force. {}",
				ex.getMessage());
	}

	private static Counter reloads(MeterRegistry registry, String outcome) {
		return Counter.builder("graphql.trusted.documents.reloads")
			.description("Reloads of changed trusted document manifests, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	@Override
	public void start() {
		if (this.paths.isEmpty() || this.interval.isZero() || this.poller != null) {
			return;
		}
		ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "trusted-documents-reload");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		poller.scheduleWithFixedDelay(this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
		this.poller = poller;
	}

	/** A scheduled task that throws is never run again; nothing may end the checks. */
	private void reloadQuietly() {
		try {
			reloadIfChanged();
		}
		catch (RuntimeException ex) {
			this.failed.increment();
			logger.error("Trusted documents: the check for changed manifests failed", ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService poller = this.poller;
		if (poller != null) {
			poller.shutdownNow();
			this.poller = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.poller != null;
	}

}
