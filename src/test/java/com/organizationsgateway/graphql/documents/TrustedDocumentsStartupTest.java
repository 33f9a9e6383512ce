package com.organizationsgateway.graphql.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.organizationsgateway.OrganizationsGatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's start with manifests: an entry that does not validate against the schema,
 * or whose id is not its document's SHA-256, stops it with the entry's id and the reason,
 * reported as Spring Boot reports a failed start; a mode that needs manifests stops it
 * without any; manifests with the mode off start it with a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrustedDocumentsStartupTest {

	private static final String VALID = "query Fine { organizations(first: 1) { edges { node { id } } } }";

	@TempDir
	Path directory;

	@Test
	void anEntryThatDoesNotValidateStopsTheStartWithItsIdAndTheError(CapturedOutput output) throws IOException {
		String invalid = "query Typo { organization(id: \"org_1\") { nmae } }";
		Path manifest = write("apollo.json",
				"{\"format\":\"apollo-persisted-query-manifest\",\"version\":1," + "\"operations\":[{\"id\":\""
						+ Sha256.hex(VALID) + "\",\"name\":\"Fine\",\"type\":\"query\",\"body\":\"" + VALID
						+ "\"},{\"id\":\"" + Sha256.hex(invalid) + "\",\"name\":\"Typo\",\"type\":\"query\",\"body\":"
						+ "\"" + invalid.replace("\"", "\\\"") + "\"}]}");

		assertThatThrownBy(() -> start("--gateway.graphql.trusted-documents.mode=safelist",
				"--gateway.graphql.trusted-documents.manifests=" + manifest))
			.rootCause()
			.isInstanceOf(TrustedDocumentsException.class)
			.hasMessageContaining(Sha256.hex(invalid) + " (Typo) in " + manifest)
			.hasMessageContaining("Field 'nmae' in type 'Organization' is undefined")
			.hasMessageNotContaining(Sha256.hex(VALID));
		assertThat(output.getOut()).contains("APPLICATION FAILED TO START", Sha256.hex(invalid),
				"Fix the manifests (or generate them again");
	}

	@Test
	void anIdThatIsNotItsDocumentsSha256OrStandsForTwoDocumentsStopsTheStart() throws IOException {
		String wrongId = "sha256:" + Sha256.hex(VALID + " ");
		Path manifest = write("flat.json", "{\"" + wrongId + "\": \"" + VALID + "\", \"relay-1\": \"" + VALID + "\"}");
		Path other = write("other.json", "{\"relay-1\": \"{ __typename }\"}");

		assertThatThrownBy(() -> start("--gateway.graphql.trusted-documents.mode=require-id",
				"--gateway.graphql.trusted-documents.manifests=" + this.directory))
			.rootCause()
			.isInstanceOf(TrustedDocumentsException.class)
			.hasMessageContaining(wrongId + " in " + manifest)
			.hasMessageContaining("is not the SHA-256 of the document, which is " + Sha256.hex(VALID))
			.hasMessageContaining("relay-1 in " + other + ": the id is already listed for another document");
	}

	@Test
	void aModeThatNeedsManifestsStopsTheStartWithoutAny() {
		assertThatThrownBy(() -> start("--gateway.graphql.trusted-documents.mode=safelist")).rootCause()
			.isInstanceOf(TrustedDocumentsException.class)
			.hasMessageContaining("mode is safelist but gateway.graphql.trusted-documents.manifests names no manifest");
	}

	@Test
	void manifestsWithTheModeOffStartTheGatewayWithAWarning(CapturedOutput output) throws IOException {
		Path manifest = write("flat.json", "{\"sha256:" + Sha256.hex(VALID) + "\": \"" + VALID + "\"}");

		try (ConfigurableApplicationContext context = start(
				"--gateway.graphql.trusted-documents.manifests=" + manifest)) {
			assertThat(context.getBean(TrustedDocuments.class).mode()).isEqualTo(TrustedDocumentsMode.OFF);
			assertThat(context.getBean(TrustedDocuments.class).list().size()).isZero();
		}
		assertThat(output.getOut()).contains("manifests are configured ([" + manifest
				+ "]) but the mode is off (the default in local mode), so they are not loaded");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		String[] all = new String[arguments.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--gateway.local-api.seed=false";
		System.arraycopy(arguments, 0, all, 2, arguments.length);
		return new SpringApplicationBuilder(OrganizationsGatewayApplication.class).run(all);
	}

}
