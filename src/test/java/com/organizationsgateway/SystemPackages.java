package com.organizationsgateway;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What tests do when a Debian package they run (chromium, redis-server) is missing: on a
 * developer's machine they are skipped, so {@code mvn verify} still runs everything else;
 * with {@code CI} set (as a system property or in the environment, to anything but
 * {@code false}) they fail, because CI must never pass by skipping them. {@code .ci/run}
 * installs the packages, so on CI this only fails when that step broke.
 */
public final class SystemPackages {

	private SystemPackages() {
	}

	/**
	 * Skips the calling tests, or fails them under CI.
	 * @param missing what is missing and how to install it
	 */
	public static void missing(String missing) {
		if (isCi()) {
			Assertions.fail(missing + ". CI is set, so this fails the build instead of skipping.");
		}
		Assumptions.abort(missing + ". Skipped because CI is not set.");
	}

	private static boolean isCi() {
		String ci = System.getProperty("CI", System.getenv("CI"));
		return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
	}

}
