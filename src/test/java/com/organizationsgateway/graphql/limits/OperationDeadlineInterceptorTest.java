package com.organizationsgateway.graphql.limits;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.organizationsgateway.TestProperties;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation that runs over its deadline ends with a clean UPSTREAM_UNAVAILABLE error
 * at the deadline, however long the execution would have taken.
 */
class OperationDeadlineInterceptorTest {

	@Test
	void anOperationOverItsDeadlineGetsACleanError() {
		OperationDeadlineInterceptor interceptor = new OperationDeadlineInterceptor(
				TestProperties.bind(GraphQlLimitsProperties.class, "operation-timeout", "200ms"));
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "{ organization(id: \"x\") { id } }"), "1",
				Locale.ENGLISH);
		long start = System.nanoTime();

		WebGraphQlResponse response = interceptor.intercept(request, (next) -> Mono.never())
			.block(Duration.ofSeconds(5));

		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isBetween(Duration.ofMillis(200), Duration.ofSeconds(2));
		assertThat(response.getErrors()).singleElement().satisfies((ResponseError error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "UPSTREAM_UNAVAILABLE");
			assertThat(error.getMessage()).contains("200 ms");
		});
		assertThat(response.toMap()).doesNotContainKey("data");
	}

}
