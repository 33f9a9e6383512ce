package com.organizationsgateway.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;

/**
 * Gives an in-process observation (a GraphQL operation, a data fetcher, a cache load) a
 * span of its own only when its trace is sampled. In an unsampled trace it shares its
 * parent's span instead: nothing is created, tagged or ended for it, and its scope makes
 * current the span that already is, so the observations below it, such as a call to
 * WorkOS, still find the trace and pass its {@code traceparent} on. Spans of received and
 * sent requests are made by the propagating handlers, which come first, so every request
 * still continues or starts a trace.
 */
class SampledSpansTracingObservationHandler extends DefaultTracingObservationHandler {

	SampledSpansTracingObservationHandler(Tracer tracer) {
		super(tracer);
	}

	@Override
	public void onStart(Observation.Context context) {
		Span parent = getParentSpan(context);
		if (parent != null && !Boolean.TRUE.equals(parent.context().sampled())) {
			getTracingContext(context).setSpan(parent);
			context.put(SharedSpan.class, SharedSpan.INSTANCE);
			return;
		}
		super.onStart(context);
	}

	@Override
	public void onStop(Observation.Context context) {
		if (!sharesSpan(context)) {
			super.onStop(context);
		}
	}

	@Override
	public void onError(Observation.Context context) {
		if (!sharesSpan(context)) {
			super.onError(context);
		}
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		if (!sharesSpan(context)) {
			super.onEvent(event, context);
		}
	}

	private static boolean sharesSpan(Observation.Context context) {
		return context.containsKey(SharedSpan.class);
	}

	/** Marks an observation that uses its parent's span rather than one of its own. */
	private enum SharedSpan {

		INSTANCE

	}

}
