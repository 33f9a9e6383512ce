package com.organizationsgateway.graphql.limits;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Caps the subscriptions one WebSocket connection runs at once
 * ({@code gateway.graphql.limits.max-subscriptions-per-connection}), so that one client
 * cannot open an unbounded number of streams over a single connection; one more is
 * refused with {@code LIMIT_EXCEEDED}.
 */
@Component
class WebSocketSubscriptionLimit implements WebGraphQlInterceptor {

	private static final String RUNNING = WebSocketSubscriptionLimit.class.getName() + ".running";

	private final int maxPerConnection;

	WebSocketSubscriptionLimit(GraphQlLimitsProperties properties) {
		this.maxPerConnection = properties.maxSubscriptionsPerConnection();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest webSocketRequest)) {
			return chain.next(request);
		}
		AtomicInteger running = (AtomicInteger) webSocketRequest.getSessionInfo()
			.getAttributes()
			.computeIfAbsent(RUNNING, (key) -> new AtomicInteger());
		// The slot is taken before the operation runs, so that operations arriving while
		// others are still starting cannot all pass the check.
		if (running.incrementAndGet() > this.maxPerConnection) {
			running.decrementAndGet();
			return Mono.just(refused(request));
		}
		AtomicBoolean released = new AtomicBoolean();
		Runnable release = () -> {
			if (released.compareAndSet(false, true)) {
				running.decrementAndGet();
			}
		};
		return chain.next(request).map((response) -> {
			if (!(response.getData() instanceof Publisher<?> publisher)) {
				release.run();
				return response;
			}
			Flux<?> counted = Flux.from(publisher).doFinally((signal) -> release.run());
			return response.transform((builder) -> builder.data(counted));
		}).doOnError((ex) -> release.run()).doOnCancel(release);
	}

	private WebGraphQlResponse refused(WebGraphQlRequest request) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.errorType(ErrorCode.LIMIT_EXCEEDED)
				.message("This connection already runs " + this.maxPerConnection
						+ " subscriptions; complete one first or open another connection")
				.extensions(Map.of(ErrorCode.EXTENSION, ErrorCode.LIMIT_EXCEEDED.name()))
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
