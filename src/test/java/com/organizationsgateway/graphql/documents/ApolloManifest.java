package com.organizationsgateway.graphql.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.NodeTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A persisted query manifest written by Apollo's own tool,
 * {@code @apollo/generate-persisted-query-manifest} (pinned in
 * {@code trusted-documents/package-lock.json}), from the operations in
 * {@code src/test/resources/trusted-documents/operations}, as a client team's build
 * writes it: generated once per test run. Node.js is needed; skip the tests that use it
 * with {@code -Dtrusted-documents.skip=true}.
 */
final class ApolloManifest {

	static final String SKIP = "trusted-documents.skip";

	private static final Path TOOL = Path.of("trusted-documents");

	private static final String CLI = "node_modules/@apollo/generate-persisted-query-manifest/cli.js";

	/** Where {@code trusted-documents/persisted-query-manifest.config.json} writes it. */
	private static final Path OUTPUT = Path.of("target", "trusted-documents", "persisted-query-manifest.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Path generated;

	private ApolloManifest() {
	}

	/** The generated manifest's absolute path. */
	static synchronized Path path() {
		if (generated == null) {
			try {
				NodeTools.installIfNeeded(TOOL, CLI, SKIP);
				Files.createDirectories(OUTPUT.getParent());
				Files.deleteIfExists(OUTPUT);
				int exit = NodeTools.run(TOOL, 5, Map.of(), SKIP, "node", CLI, "--config",
						"persisted-query-manifest.config.json");
				assertThat(exit).as("generate-persisted-query-manifest's exit code; its output is above").isZero();
			}
			catch (Exception ex) {
				throw new IllegalStateException("The manifest could not be generated", ex);
			}
			generated = OUTPUT.toAbsolutePath();
		}
		return generated;
	}

	/** The generated operations by name. */
	static Map<String, Operation> operations() {
		try {
			JsonNode manifest = JSON.readTree(Files.readString(path()));
			assertThat(manifest.get("format").asString()).isEqualTo("apollo-persisted-query-manifest");
			Map<String, Operation> operations = new LinkedHashMap<>();
			for (JsonNode operation : manifest.get("operations").values()) {
				operations.put(operation.get("name").asString(),
						new Operation(operation.get("id").asString(), operation.get("body").asString()));
			}
			return operations;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One operation of the manifest.
	 *
	 * @param id its id: the SHA-256 of its body, in bare hex
	 * @param body the document as Apollo Client sends it ({@code __typename} added)
	 */
	record Operation(String id, String body) {

		String documentId() {
			return "sha256:" + this.id;
		}

	}

}
