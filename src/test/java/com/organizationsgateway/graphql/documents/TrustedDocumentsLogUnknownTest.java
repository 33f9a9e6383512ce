package com.organizationsgateway.graphql.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import com.organizationsgateway.webhook.Eventually;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code log-unknown} over HTTP against the running gateway, with a directory of
 * manifests that changes while it runs: unlisted documents run, logged once and counted
 * every time; a changed manifest is reloaded, and one that does not validate leaves the
 * previous list in force, logged with its id and counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.graphql.trusted-documents.mode=log-unknown",
				"gateway.graphql.trusted-documents.reload-interval=100ms",
				"gateway.graphql.response-cache.enabled=false" })
@DisabledIfSystemProperty(named = ApolloManifest.SKIP, matches = "true",
		disabledReason = "-Dtrusted-documents.skip=true: Apollo's manifest tool is not run")
@ExtendWith(OutputCaptureExtension.class)
class TrustedDocumentsLogUnknownTest {

	private static final Path DIRECTORY = Path.of("target", "trusted-documents", "log-unknown");

	/** Reloads are polled every 100ms; this only bounds a build on a busy machine. */
	private static final Duration BOUND = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	private GatewayCalls calls;

	@DynamicPropertySource
	static void manifests(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(DIRECTORY);
		try (var files = Files.list(DIRECTORY)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		registry.add("gateway.graphql.trusted-documents.manifests",
				() -> ApolloManifest.path() + "," + DIRECTORY.toAbsolutePath());
	}

	@BeforeEach
	void connect() {
		this.calls = new GatewayCalls(this.port);
	}

	@Test
	void anUnlistedDocumentRunsIsLoggedOnceAndCountedEveryTime(CapturedOutput output) {
		String unlisted = "query AuditedOnly { organizations(first: 2) { edges { node { name } } } }";
		double before = this.calls.trustedDocuments("unknown", "web");

		for (int i = 0; i < 3; i++) {
			this.calls.post(GatewayCalls.body("query", unlisted), "web")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.organizations.edges.length()")
				.isEqualTo(2);
		}

		assertThat(this.calls.trustedDocuments("unknown", "web")).isEqualTo(before + 3);
		assertThat(output.getOut().split("Operation AuditedOnly is not in the trusted documents", -1)).hasSize(2);
	}

	@Test
	void listedDocumentsRunByIdAndAreCounted() {
		ApolloManifest.Operation page = ApolloManifest.operations().get("OrganizationsPage");
		double before = this.calls.trustedDocuments("listed_id", "web");

		this.calls.post(GatewayCalls.body("documentId", page.documentId(), "variables", Map.of("first", 1)), "web")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.organizations.edges.length()")
			.isEqualTo(1);

		assertThat(this.calls.trustedDocuments("listed_id", "web")).isEqualTo(before + 1);
	}

	@Test
	void aChangedManifestIsReloadedAndOneThatFailsKeepsThePreviousList(CapturedOutput output) throws IOException {
		String added = "query AddedLater { organizations(first: 1) { edges { node { id } } } }";
		String addedId = "sha256:" + Sha256.hex(added);
		String invalid = "query Broken { organizations(first: 1) { edges { node { noSuchField } } } }";
		String invalidId = "sha256:" + Sha256.hex(invalid);
		this.calls.post(GatewayCalls.body("documentId", addedId)).expectStatus().isNotFound();
		double loaded = this.calls.meter("graphql_trusted_documents_reloads_total", Map.of("outcome", "loaded"));
		double failed = this.calls.meter("graphql_trusted_documents_reloads_total", Map.of("outcome", "failed"));

		write("{\"" + addedId + "\": \"" + added + "\"}");

		int status = Eventually.poll(() -> status(addedId), (code) -> code == 200, BOUND);
		assertThat(status).as("the added document, once the manifest is reloaded").isEqualTo(200);
		assertThat(this.calls.meter("graphql_trusted_documents_reloads_total", Map.of("outcome", "loaded")))
			.isEqualTo(loaded + 1);

		write("{\"" + addedId + "\": \"" + added + "\", \"" + invalidId + "\": \"" + invalid + "\"}");

		double failures = Eventually.poll(
				() -> this.calls.meter("graphql_trusted_documents_reloads_total", Map.of("outcome", "failed")),
				(count) -> count > failed, BOUND);
		assertThat(failures).isEqualTo(failed + 1);
		assertThat(status(addedId)).as("the previous list stays in force").isEqualTo(200);
		assertThat(output.getOut()).contains("the previous list stays in force", invalidId,
				"Field 'noSuchField' in type 'Organization' is undefined");
	}

	private int status(String documentId) {
		return this.calls.post(GatewayCalls.body("documentId", documentId))
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	/** As an operator should: written aside, then moved into place at once. */
	private static void write(String manifest) throws IOException {
		Path aside = DIRECTORY.resolveSibling("extra.json.tmp");
		Files.writeString(aside, manifest);
		Files.move(aside, DIRECTORY.resolve("extra.json"), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

}
