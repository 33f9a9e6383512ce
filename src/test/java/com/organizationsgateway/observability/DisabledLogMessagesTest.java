package com.organizationsgateway.observability;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's libraries log through Commons Logging and pass their debug messages unrendered
 * ({@code LogMessage.format(...)}), trusting the logger to render them only when debug is
 * on. Commons Logging 1.3's SLF4J adapter renders every one first, so Spring Security's
 * per-request debug lines cost a {@code String.format} each with debug off. Through the
 * Log4j API adapter (META-INF/services) a disabled message is never rendered, and enabled
 * ones still reach Logback.
 */
class DisabledLogMessagesTest {

	private static final String LOGGER = "com.organizationsgateway.observability.DisabledLogMessagesTest.spring";

	@Test
	void aDisabledDebugOrTraceMessageIsNeverRendered() {
		// As the gateway runs: INFO, whatever Logback was configured with in this JVM.
		((Logger) LoggerFactory.getLogger(LOGGER)).setLevel(Level.INFO);
		AtomicInteger renders = new AtomicInteger();
		Log log = LogFactory.getLog(LOGGER);
		assertThat(log.isDebugEnabled()).isFalse();

		log.debug(counting(renders, "debug"));
		log.trace(counting(renders, "trace"));

		assertThat(renders).hasValue(0);
	}

	@Test
	void anEnabledMessageReachesLogbackWithItsText() {
		Logger logback = (Logger) LoggerFactory.getLogger(LOGGER);
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		logback.addAppender(events);
		try {
			LogFactory.getLog(LOGGER).warn(counting(new AtomicInteger(), "kept"));
		}
		finally {
			logback.detachAppender(events);
		}
		assertThat(events.list).singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).isEqualTo("kept"))
			.satisfies((event) -> assertThat(event.getLoggerName()).isEqualTo(LOGGER));
	}

	private static Object counting(AtomicInteger renders, String text) {
		return new Object() {
			@Override
			public String toString() {
				renders.incrementAndGet();
				return text;
			}
		};
	}

}
