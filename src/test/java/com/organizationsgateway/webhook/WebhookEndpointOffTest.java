package com.organizationsgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.organizationsgateway.OrganizationsGatewayApplication;
import com.organizationsgateway.TestClients;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a secret (none configured, and local mode's self-loop switched off) the
 * endpoint does not exist, and the startup log says how to switch it on.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookEndpointOffTest {

	@Test
	void withoutASecretTheEndpointIsNotServed(CapturedOutput output) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OrganizationsGatewayApplication.class)
			.run("--server.port=0", "--gateway.workos.api-key=", "--gateway.local-api.seed=false",
					"--gateway.local-api.webhooks.enabled=false")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			byte[] body = "{\"id\":\"event_1\",\"event\":\"organization.updated\",\"data\":{}}"
				.getBytes(StandardCharsets.UTF_8);

			TestClients.toPort(port)
				.post()
				.uri(WebhookConfiguration.PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.header("WorkOS-Signature", TestSignatures.header("anything", Instant.now().toEpochMilli(), body))
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		assertThat(output.getAll()).contains("WorkOS webhooks: off").contains("WORKOS_WEBHOOK_SECRET");
	}

}
