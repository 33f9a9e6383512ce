package com.organizationsgateway.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * An in-process observation gets a span of its own in a sampled trace, and shares its
 * parent's, untouched, in an unsampled one.
 */
class SampledSpansTracingObservationHandlerTest {

	private final Tracer tracer = mock(Tracer.class, RETURNS_DEEP_STUBS);

	private final ObservationRegistry registry = ObservationRegistry.create();

	SampledSpansTracingObservationHandlerTest() {
		this.registry.observationConfig().observationHandler(new SampledSpansTracingObservationHandler(this.tracer));
		// no span made current by hand, so the parent observation's span is the parent
		given(this.tracer.currentSpan()).willReturn(null);
	}

	@Test
	void anObservationInAnUnsampledTraceSharesItsParentsSpanAndNeverEndsIt() {
		Span parentSpan = span(false);
		Observation parent = parentWith(parentSpan);

		Observation child = Observation.createNotStarted("graphql.request", this.registry)
			.parentObservation(parent)
			.start();
		child.openScope().close();
		child.stop();

		assertThat(spanOf(child)).isSameAs(parentSpan);
		verify(this.tracer, never()).nextSpan(any(Span.class));
		verify(parentSpan, never()).end();
	}

	@Test
	void anObservationInASampledTraceHasASpanOfItsOwn() {
		Span parentSpan = span(true);
		Span childSpan = span(true);
		given(this.tracer.nextSpan(parentSpan)).willReturn(childSpan);
		Observation parent = parentWith(parentSpan);

		Observation child = Observation.createNotStarted("graphql.request", this.registry).parentObservation(parent);
		child.start().stop();

		assertThat(spanOf(child)).isSameAs(childSpan);
		verify(childSpan).end();
		verify(parentSpan, never()).end();
	}

	/** A started observation holding the span of a received request. */
	private Observation parentWith(Span span) {
		Observation parent = Observation.start("http.server.requests", this.registry);
		TracingContext tracing = parent.getContext().getRequired(TracingContext.class);
		tracing.setSpan(span);
		return parent;
	}

	private static Span spanOf(Observation observation) {
		TracingContext tracing = observation.getContext().getRequired(TracingContext.class);
		return tracing.getSpan();
	}

	private static Span span(boolean sampled) {
		Span span = mock(Span.class);
		TraceContext context = mock(TraceContext.class);
		given(context.sampled()).willReturn(sampled);
		given(span.context()).willReturn(context);
		given(span.name(any())).willReturn(span);
		given(span.start()).willReturn(span);
		return span;
	}

}
