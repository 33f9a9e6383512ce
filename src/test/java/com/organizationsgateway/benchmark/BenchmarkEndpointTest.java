package com.organizationsgateway.benchmark;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code gateway.benchmark.enabled}, the benchmark's ceiling endpoint echoes the
 * bytes it was given (that it is absent by default is checked with the default app in
 * {@code MetricsAndHealthTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "gateway.benchmark.enabled=true")
class BenchmarkEndpointTest {

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = TestClients.toPort(this.port);
	}

	@Test
	void servesTheBytesItWasGiven() {
		String response = "{\"data\":{\"organization\":{\"name\":\"Foo Corp\"}}}";
		this.client.put()
			.uri(BenchmarkRoutes.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(response)
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.post()
			.uri(BenchmarkRoutes.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ organization(id: \\\"x\\\") { name } }\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(response);
	}

}
