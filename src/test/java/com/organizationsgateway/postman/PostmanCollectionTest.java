package com.organizationsgateway.postman;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the Postman collection in {@code postman/} with newman against the running gateway
 * in local mode, exactly as a team would import and run it. Node.js is needed; skip with
 * {@code -Dpostman.skip=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "postman.skip", matches = "true",
		disabledReason = "-Dpostman.skip=true: the Postman collection is not run")
class PostmanCollectionTest {

	private static final Path POSTMAN = Path.of("postman");

	private static final String NODE_MISSING = "The Postman collection runs with newman, which needs Node.js 18+ and npm "
			+ "on the PATH. Install them (Debian: apt-get install nodejs npm), or skip this test with "
			+ "-Dpostman.skip=true.";

	@LocalServerPort
	private int port;

	@Test
	void theWholeCollectionPassesAgainstTheLocalGateway() throws Exception {
		installNewmanIfNeeded();
		Path report = Path.of("target", "newman", "report.xml").toAbsolutePath();
		Files.createDirectories(report.getParent());

		int exit = run(5, "node", "node_modules/newman/bin/newman.js", "run", "collection.json", "--environment",
				"local.postman_environment.json", "--env-var", "baseUrl=http://127.0.0.1:" + this.port, "--reporters",
				"cli,junit", "--reporter-junit-export", report.toString(), "--color", "off", "--disable-unicode");

		assertThat(exit).as("newman's exit code; its report is above and in " + report).isZero();
	}

	private static void installNewmanIfNeeded() throws Exception {
		if (Files.exists(POSTMAN.resolve("node_modules/newman/bin/newman.js"))) {
			return;
		}
		int exit = run(10, "npm", "ci", "--no-audit", "--no-fund");
		assertThat(exit).as("npm ci in postman/").isZero();
	}

	private static int run(int timeoutMinutes, String... command) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(command));
		Process process;
		try {
			process = new ProcessBuilder(arguments).directory(POSTMAN.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return fail(NODE_MISSING + " (" + command[0] + " could not be started in "
					+ new File("postman").getAbsolutePath() + ")");
		}
		// Relayed through System.out, so the test report keeps it (a child writing to the
		// inherited stream corrupts Surefire's channel).
		Thread relay = new Thread(() -> process.inputReader().lines().forEach(System.out::println));
		relay.start();
		if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return fail(String.join(" ", command) + " did not finish within " + timeoutMinutes + " minutes");
		}
		relay.join(TimeUnit.SECONDS.toMillis(10));
		return process.exitValue();
	}

}
