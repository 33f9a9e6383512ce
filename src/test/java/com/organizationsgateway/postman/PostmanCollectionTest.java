package com.organizationsgateway.postman;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.organizationsgateway.NodeTools;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Postman collection in {@code postman/} with newman against the running gateway
 * in local mode, exactly as a team would import and run it, with the trusted documents
 * the collection's description says to load. Node.js is needed; skip with
 * {@code -Dpostman.skip=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.graphql.trusted-documents.mode=log-unknown",
				"gateway.graphql.trusted-documents.manifests=postman/trusted-documents.json" })
@DisabledIfSystemProperty(named = "postman.skip", matches = "true",
		disabledReason = "-Dpostman.skip=true: the Postman collection is not run")
class PostmanCollectionTest {

	private static final Path POSTMAN = Path.of("postman");

	private static final String SKIP = "postman.skip";

	@LocalServerPort
	private int port;

	@Test
	void theWholeCollectionPassesAgainstTheLocalGateway() throws Exception {
		NodeTools.installIfNeeded(POSTMAN, "node_modules/newman/bin/newman.js", SKIP);
		Path report = Path.of("target", "newman", "report.xml").toAbsolutePath();
		Files.createDirectories(report.getParent());

		int exit = NodeTools.run(POSTMAN, 5, Map.of(), SKIP, "node", "node_modules/newman/bin/newman.js", "run",
				"collection.json", "--environment", "local.postman_environment.json", "--env-var",
				"baseUrl=http://127.0.0.1:" + this.port, "--reporters", "cli,junit", "--reporter-junit-export",
				report.toString(), "--color", "off", "--disable-unicode");

		assertThat(exit).as("newman's exit code; its report is above and in " + report).isZero();
	}

}
