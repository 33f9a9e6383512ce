package com.organizationsgateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs Node.js tools from a folder of the repository that pins them with a committed
 * {@code package-lock.json} ({@code postman/}, {@code node-sdk/}): installs them once
 * with {@code npm ci}, then runs commands there with their output relayed to the test
 * report.
 */
public final class NodeTools {

	private NodeTools() {
	}

	/**
	 * Installs the folder's locked packages unless {@code installed} (a path inside it)
	 * already exists.
	 * @param skipProperty the system property that skips the calling test, for the
	 * message when Node.js is missing
	 */
	public static void installIfNeeded(Path folder, String installed, String skipProperty) throws Exception {
		if (Files.exists(folder.resolve(installed))) {
			return;
		}
		int exit = run(folder, 10, Map.of(), skipProperty, "npm", "ci", "--no-audit", "--no-fund");
		assertThat(exit).as("npm ci in " + folder).isZero();
	}

	/**
	 * Runs a command in the folder and returns its exit code; fails the test when it
	 * cannot start or does not finish in time.
	 */
	public static int run(Path folder, int timeoutMinutes, Map<String, String> environment, String skipProperty,
			String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(folder.toFile())
			.redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			return fail("This test runs Node.js tools, which need Node.js 20+ and npm on the PATH. Install them "
					+ "(Debian: apt-get install nodejs npm), or skip it with -D" + skipProperty + "=true. ("
					+ command[0] + " could not be started in " + folder.toAbsolutePath() + ")");
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
