package com.organizationsgateway.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.organizationsgateway.OrganizationsGatewayApplication;
import com.organizationsgateway.TestClients;
import com.organizationsgateway.security.GatewaySecurityProperties.ApiKey;
import com.organizationsgateway.webhook.TestSignatures;
import com.organizationsgateway.webhook.WebhookConfiguration;
import com.organizationsgateway.webhook.WebhookProperties;
import com.organizationsgateway.webhook.WebhookSecret;
import com.organizationsgateway.workos.Fixtures;
import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.WorkOsProperties;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A whole run in WorkOS mode against a loopback stub, with debug logging, successes and
 * failures (WorkOS refusing the gateway's key, a bad client key, a bad JWT), the actuator
 * endpoints that show configuration, and shutdown: no secret appears in any output or
 * answer.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneTest {

	private static final String WORKOS_KEY = "sk_live_hygiene_9f8e7d6c5b4a";

	private static final String CLIENT_KEY = "client-key-hygiene-1a2b3c4d";

	private static final String WRONG_CLIENT_KEY = "wrong-key-hygiene-5e6f7a8b";

	private static final String WEBHOOK_SECRET = "whsec_hygiene_0c9d8e7f6a5b";

	@Test
	void noSecretAppearsInLogsAnswersOrActuatorOutput(CapturedOutput output) {
		String clientKeyHash = TestApiKeys.sha256(CLIENT_KEY);
		List<String> secrets = List.of(WORKOS_KEY, CLIENT_KEY, WRONG_CLIENT_KEY, clientKeyHash,
				clientKeyHash.toUpperCase(), WEBHOOK_SECRET);
		StringBuilder answers = new StringBuilder();
		try (StubWorkOsServer workOs = new StubWorkOsServer()) {
			workOs.respond((request) -> request.path().startsWith("/organizations/org_")
					? StubWorkOsServer.StubResponse.json(401, "{\"message\":\"Unauthorized\"}")
					: StubWorkOsServer.StubResponse.json(200,
							Fixtures.read("workos-node/organizations/list-organizations.json")));
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
					OrganizationsGatewayApplication.class)
				.run("--server.port=0", "--gateway.workos.api-key=" + WORKOS_KEY,
						"--gateway.workos.api-base-url=" + workOs.baseUrl(),
						"--gateway.security.api-keys[0].name=hygiene-service",
						"--gateway.security.api-keys[0].sha256=" + clientKeyHash,
						"--gateway.security.api-keys[0].scopes=organizations:read,organizations:write",
						"--gateway.webhooks.secret=" + WEBHOOK_SECRET,
						"--management.endpoints.web.exposure.include=health,env,configprops",
						"--logging.level.com.organizationsgateway=DEBUG",
						"--logging.level.org.springframework.security=DEBUG",
						"--logging.level.org.springframework.web=DEBUG",
						"--logging.level.org.springframework.graphql=DEBUG")) {
				WebTestClient client = client(app);
				answers.append(graphQl(client, CLIENT_KEY, "{ organizations(first: 3) { edges { node { id } } } }"));
				assertThat(answers).contains("edges");
				answers.append(
						graphQl(client, CLIENT_KEY, "{ organization(id: \"org_01EHZNVPK3SFK441A1RGBFSHRT\") { id } }"));
				assertThat(answers).contains("UPSTREAM_UNAVAILABLE");
				answers.append(graphQl(client, WRONG_CLIENT_KEY, "{ __typename }"));
				answers.append(graphQl(client, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "{ __typename }"));
				assertThat(answers).contains("UNAUTHENTICATED");
				answers.append(graphQl(client, CLIENT_KEY,
						"mutation { createOrganization(input: {name: \"\"}) { organization { id } } }"));
				answers.append(webhook(client, WEBHOOK_SECRET));
				answers.append(webhook(client, "whsec_not_the_secret"));
				assertThat(answers).contains("accepted").contains("bad_signature");
				for (String endpoint : List.of("/actuator/env", "/actuator/configprops", "/actuator/health",
						"/actuator/env/gateway.workos.api-key")) {
					answers.append(client.get()
						.uri(endpoint)
						.exchange()
						.expectBody(String.class)
						.returnResult()
						.getResponseBody());
				}
			}
		}
		assertThat(output.getAll()).contains("Upstream: WorkOS at");
		for (String secret : secrets) {
			assertThat(output.getAll()).as("the log").doesNotContain(secret);
			assertThat(answers.toString()).as("the answers").doesNotContain(secret);
		}
		assertThat(output.getAll()).doesNotContainIgnoringCase("generated security password");
	}

	@Test
	void workOsModeWithoutAuthenticationRefusesToStartWithoutNamingTheKey(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(OrganizationsGatewayApplication.class).run("--server.port=0",
					"--gateway.workos.api-key=" + WORKOS_KEY, "--gateway.workos.api-base-url=http://127.0.0.1:9"))
			.satisfies((ex) -> assertThat(rootCause(ex).getMessage())
				.contains("gateway.security.allow-unauthenticated=true"));
		assertThat(output.getAll()).doesNotContain(WORKOS_KEY);
	}

	@Test
	void propertiesRecordsMaskTheirSecrets() {
		ApiKey key = new ApiKey("billing", TestApiKeys.sha256(CLIENT_KEY), Set.of(Scopes.READ));
		GatewaySecurityProperties security = new GatewaySecurityProperties(false, List.of(key));
		WorkOsProperties workOs = new WorkOsProperties(WORKOS_KEY, URI.create("https://api.workos.com"),
				Duration.ofSeconds(1), Duration.ofSeconds(1));

		assertThat(key.toString()).contains("billing").doesNotContain(key.sha256());
		assertThat(security.toString()).doesNotContain(key.sha256());
		assertThat(workOs.toString()).doesNotContain(WORKOS_KEY);
		assertThat(new ApiKeys(List.of(key)).toString()).doesNotContain(key.sha256());
		assertThat(new WebhookProperties(WEBHOOK_SECRET, Duration.ofSeconds(180), DataSize.ofKilobytes(256), 10)
			.toString()).doesNotContain(WEBHOOK_SECRET);
		assertThat(new WebhookSecret(WEBHOOK_SECRET, "test").toString()).doesNotContain(WEBHOOK_SECRET);
	}

	/** A signed organization.updated event for an organization WorkOS never had. */
	private static String webhook(WebTestClient client, String secret) {
		byte[] body = ("{\"id\":\"event_" + UUID.randomUUID() + "\",\"event\":\"organization.updated\","
				+ "\"data\":{\"object\":\"organization\",\"id\":\"org_01EHZNVPK3SFK441A1RGBFSHRT\","
				+ "\"name\":\"Hygiene\",\"updated_at\":\"2026-01-15T12:00:00.000Z\"}}")
			.getBytes(StandardCharsets.UTF_8);
		return client.post()
			.uri(WebhookConfiguration.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header("WorkOS-Signature", TestSignatures.header(secret, System.currentTimeMillis(), body))
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static String graphQl(WebTestClient client, String apiKey, String query) {
		return client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + apiKey)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static WebTestClient client(ConfigurableApplicationContext app) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return TestClients.toPort(port);
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
