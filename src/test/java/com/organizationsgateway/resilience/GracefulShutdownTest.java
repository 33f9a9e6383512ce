package com.organizationsgateway.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.organizationsgateway.OrganizationsGatewayApplication;
import com.organizationsgateway.workos.Fixtures;
import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the gateway lets an operation already in flight finish with its answer, rather
 * than cutting the caller off (server.shutdown=graceful).
 */
class GracefulShutdownTest {

	private static final String ORGANIZATION_ID = "org_01EHWNCE74X7JSDV0X3SZ3KJNY";

	@Test
	void anOperationInFlightFinishesWhileTheGatewayStops() throws Exception {
		try (StubWorkOsServer workOs = new StubWorkOsServer()) {
			// WorkOS takes its time, so the operation is still running when the
			// stop begins.
			workOs.respond(StubResponse.json(200, Fixtures.read("workos-go/testdata/organization.json"))
				.delayedBy(Duration.ofMillis(1500)));
			ConfigurableApplicationContext app = new SpringApplicationBuilder(OrganizationsGatewayApplication.class)
				.run("--server.port=0", "--gateway.workos.api-key=sk_test_graceful_shutdown",
						"--gateway.workos.api-base-url=" + workOs.baseUrl(),
						"--gateway.security.allow-unauthenticated=true");
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();

			CompletableFuture<String> inFlight = WebClient.create("http://127.0.0.1:" + port)
				.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", "{ organization(id: \"" + ORGANIZATION_ID + "\") { name } }"))
				.retrieve()
				.bodyToMono(String.class)
				.toFuture();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (workOs.requests().isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(workOs.requests()).as("the operation reached WorkOS before the stop").isNotEmpty();

			app.close();

			assertThat(inFlight.get(10, TimeUnit.SECONDS)).contains("\"name\":\"Acme Inc.\"");
		}
	}

}
