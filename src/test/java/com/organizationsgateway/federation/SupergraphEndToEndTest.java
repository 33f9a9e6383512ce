package com.organizationsgateway.federation;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.NodeTools;
import com.organizationsgateway.TestClients;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The gateway composed with a second subgraph into a supergraph and served by a real
 * federation gateway, as a team composing services behind one router would run it:
 * {@code federation/supergraph.mjs} reads this app's {@code _service { sdl }}, composes
 * it with a small users subgraph ({@code @theguild/federation-composition}) and serves
 * the result through Hive Gateway ({@code @graphql-hive/gateway-runtime}), all pinned in
 * {@code federation/package-lock.json}, with nothing allowed beyond loopback. Node.js is
 * needed; skip with {@code -Dfederation.skip=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.local-api.seed=false")
@DisabledIfSystemProperty(named = "federation.skip", matches = "true",
		disabledReason = "-Dfederation.skip=true: the supergraph is not composed")
class SupergraphEndToEndTest {

	private static final Path FEDERATION = Path.of("federation");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SKIP = "federation.skip";

	@LocalServerPort
	int port;

	@Test
	void aQueryAcrossBothSubgraphsReadsTheOrganizationsFromThisGateway() throws Exception {
		NodeTools.installIfNeeded(FEDERATION, "node_modules/@graphql-hive/gateway-runtime/package.json", SKIP);
		String tag = "sg-" + UUID.randomUUID().toString().substring(0, 8);
		String organizationId = createOrganization(tag);
		String users = JSON
			.writeValueAsString(List.of(Map.of("id", "u1", "name", "Ada", "organizationId", organizationId),
					Map.of("id", "u2", "name", "Grace", "organizationId", "org_01ARZ3NDEKTSV4RRFFQ69G5FAV")));

		Process supergraph = start(users);
		try {
			String url = awaitUrl(supergraph);
			String body = TestClients.okBody(TestClients.to(url)
				.post()
				.bodyValue(Map.of("query", "{ users { name organization { id name domains { domain } } } }")));

			Map<?, ?> response = JSON.readValue(body, Map.class);
			assertThat(response.get("data")).as(body).isNotNull();
			List<?> returned = (List<?>) ((Map<?, ?>) response.get("data")).get("users");
			assertThat(returned).hasSize(2);
			Map<?, ?> ada = (Map<?, ?>) returned.get(0);
			assertThat(ada.get("name")).isEqualTo("Ada");
			assertThat(ada.get("organization")).isEqualTo(Map.of("id", organizationId, "name", tag, "domains",
					List.of(Map.of("domain", tag + ".example.com"))));
			Map<?, ?> grace = (Map<?, ?>) returned.get(1);
			assertThat(grace.get("name")).isEqualTo("Grace");
			assertThat(grace.get("organization")).as("an organization that does not exist").isNull();
		}
		finally {
			supergraph.destroy();
			if (!supergraph.waitFor(10, TimeUnit.SECONDS)) {
				supergraph.destroyForcibly();
			}
		}
	}

	private Process start(String users) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("node", "--import", "./no-network.mjs", "supergraph.mjs")
			.directory(FEDERATION.toFile())
			.redirectErrorStream(true);
		builder.environment().put("GATEWAY_URL", "http://127.0.0.1:" + this.port + "/graphql");
		builder.environment().put("USERS", users);
		builder.environment().put("PORT", "0");
		try {
			return builder.start();
		}
		catch (java.io.IOException ex) {
			return fail("This test runs Node.js, which must be on the PATH (Debian: apt-get install nodejs npm), or "
					+ "skip it with -D" + SKIP + "=true", ex);
		}
	}

	/** The supergraph's URL from the script's output, which is relayed to the report. */
	private static String awaitUrl(Process process) throws Exception {
		CompletableFuture<String> url = new CompletableFuture<>();
		Thread relay = new Thread(() -> {
			try (BufferedReader reader = process.inputReader()) {
				String line;
				while ((line = reader.readLine()) != null) {
					System.out.println(line);
					if (line.startsWith("SUPERGRAPH_URL ")) {
						url.complete(line.substring("SUPERGRAPH_URL ".length()).trim());
					}
				}
			}
			catch (java.io.IOException ex) {
				// The process ended; the exit below reports it.
			}
			url.completeExceptionally(
					new IllegalStateException("supergraph.mjs ended without serving; its output is above"));
		});
		relay.setDaemon(true);
		relay.start();
		return url.get(2, TimeUnit.MINUTES);
	}

	private String createOrganization(String name) {
		String body = TestClients.okBody(TestClients.toPort(this.port)
			.post()
			.uri("/graphql")
			.bodyValue(Map.of("query",
					"mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }",
					"variables", Map.of("input", Map.of("name", name, "domainData",
							List.of(Map.of("domain", name + ".example.com", "state", "VERIFIED")))))));
		return JSON.readTree(body).at("/data/createOrganization/organization/id").asString();
	}

}
