package com.organizationsgateway.upstream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.organizationsgateway.OrganizationsGatewayApplication;
import com.organizationsgateway.TestClients;
import com.organizationsgateway.workos.Fixtures;
import com.organizationsgateway.workos.ListOrganizationsRequest;
import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.WorkOsClient;
import com.organizationsgateway.workos.WorkOsOrganization;
import com.organizationsgateway.workos.WorkOsOrganizationList;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which upstream the gateway uses, decided by whether {@code WORKOS_API_KEY} is set, and
 * what it says about it at startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpstreamModeTest {

	private static final String SECRET_KEY = "sk_live_upstream_mode_secret_4f2a";

	@Test
	void withoutAKeyTheGatewayServesTheLocalApiAndTalksToItOverHttp(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start("--gateway.local-api.seed=true")) {
			WorkOsOrganizationList seeded = app.getBean(WorkOsClient.class)
				.listOrganizations(new ListOrganizationsRequest(null, null, 100, null, null, null))
				.block();

			assertThat(seeded.data()).extracting(WorkOsOrganization::name).contains("Foo Corp");
			assertThat(output).contains("Upstream: the embedded local Organizations API");
			gateway(app).get()
				.uri("/organizations")
				.header("Authorization", "Bearer sk_test_123")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.object")
				.isEqualTo("list")
				.jsonPath("$.data[?(@.name == 'Foo Corp')]")
				.exists();
		}
	}

	@Test
	void withAKeyTheGatewayTalksToWorkOsAndServesNoLocalApi(CapturedOutput output) {
		try (StubWorkOsServer workOs = new StubWorkOsServer()) {
			workOs.respond(StubWorkOsServer.StubResponse.json(200,
					Fixtures.read("workos-node/organizations/list-organizations.json")));
			// WorkOS mode refuses to start without caller authentication; this test is
			// about the upstream, so it opts out explicitly.
			try (ConfigurableApplicationContext app = start("--gateway.workos.api-key=" + SECRET_KEY,
					"--gateway.workos.api-base-url=" + workOs.baseUrl(),
					"--gateway.security.allow-unauthenticated=true")) {
				WorkOsOrganizationList list = app.getBean(WorkOsClient.class)
					.listOrganizations(ListOrganizationsRequest.firstPage())
					.block();

				assertThat(list.data()).hasSize(7);
				assertThat(workOs.requests()).singleElement()
					.satisfies(
							(request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET_KEY));
				gateway(app).get()
					.uri("/organizations")
					.header("Authorization", "Bearer sk_test_123")
					.exchange()
					.expectStatus()
					.isNotFound();
				assertThat(output).contains("Upstream: WorkOS at " + workOs.baseUrl());
				assertThat(output).doesNotContain(SECRET_KEY);
			}
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return new SpringApplicationBuilder(OrganizationsGatewayApplication.class).run(all);
	}

	private static WebTestClient gateway(ConfigurableApplicationContext app) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return TestClients.toPort(port);
	}

}
