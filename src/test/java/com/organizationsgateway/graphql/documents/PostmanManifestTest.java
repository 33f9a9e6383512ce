package com.organizationsgateway.graphql.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest that the Postman collection's trusted-document requests need
 * ({@code postman/trusted-documents.json}) is exactly what Apollo's tool writes for the
 * test operations, so that it never drifts from them.
 */
@DisabledIfSystemProperty(named = ApolloManifest.SKIP, matches = "true",
		disabledReason = "-Dtrusted-documents.skip=true: Apollo's manifest tool is not run")
class PostmanManifestTest {

	@Test
	void thePostmanManifestIsWhatApollosToolWrites() throws IOException {
		assertThat(Files.readString(Path.of("postman", "trusted-documents.json")))
			.as("postman/trusted-documents.json; copy target/trusted-documents/persisted-query-manifest.json there")
			.isEqualTo(Files.readString(ApolloManifest.path()));
	}

}
