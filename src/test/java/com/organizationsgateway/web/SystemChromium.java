package com.organizationsgateway.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import com.organizationsgateway.SystemPackages;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}),
 * started headless for browser tests. Both paths are given to Selenium, so Selenium
 * Manager is skipped and nothing is ever downloaded.
 */
final class SystemChromium {

	/**
	 * Debian's paths; the system properties are for other systems (and to try the rule
	 * below).
	 */
	static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	private SystemChromium() {
	}

	/** Skips the calling tests, or fails them under CI, when the browser is missing. */
	static void assumeInstalled() {
		List<String> missing = missing();
		if (!missing.isEmpty()) {
			SystemPackages.missing("Browser test needs " + String.join(" and ", missing)
					+ ": install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
		}
	}

	static boolean isInstalled() {
		return missing().isEmpty();
	}

	private static List<String> missing() {
		List<String> missing = new ArrayList<>();
		for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(executable)) {
				missing.add(executable.toString());
			}
		}
		return missing;
	}

	/**
	 * Starts Chromium headless with a fresh profile, recording every network request
	 * (performance log) and the console (browser log). Hosts other than the loopback ones
	 * resolve to nothing, so a stray request fails at once rather than waiting on the
	 * network.
	 */
	static ChromeDriver start(Path profile) {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// Without the background-networking flags Chromium keeps trying Google's hosts,
		// which this machine's closed network refuses.
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=1400,900",
				"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		return new ChromeDriver(service, options);
	}

	static Path newProfile() throws IOException {
		return Files.createTempDirectory("graphiql-chromium-");
	}

	static void deleteProfile(Path profile) throws IOException {
		try (var paths = Files.walk(profile)) {
			paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
