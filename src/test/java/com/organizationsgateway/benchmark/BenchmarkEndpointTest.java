package com.organizationsgateway.benchmark;

import org.junit.jupiter.api.Test;

import com.organizationsgateway.OrganizationsGatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The benchmark's ceiling endpoint echoes the bytes it was given, and exists only when
 * the benchmark switches it on.
 */
class BenchmarkEndpointTest {

	@Test
	void servesTheBytesItWasGivenWhenEnabled() {
		try (ConfigurableApplicationContext app = start("--gateway.benchmark.enabled=true")) {
			String response = "{\"data\":{\"organization\":{\"name\":\"Foo Corp\"}}}";
			client(app).put()
				.uri(BenchmarkRoutes.PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(response)
				.exchange()
				.expectStatus()
				.isNoContent();
			client(app).post()
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

	@Test
	void isAbsentByDefault() {
		try (ConfigurableApplicationContext app = start()) {
			client(app).post().uri(BenchmarkRoutes.PATH).exchange().expectStatus().isNotFound();
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return new SpringApplicationBuilder(OrganizationsGatewayApplication.class).run(all);
	}

	private static WebTestClient client(ConfigurableApplicationContext app) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

}
