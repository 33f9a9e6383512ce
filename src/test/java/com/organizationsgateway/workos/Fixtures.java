package com.organizationsgateway.workos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the real WorkOS responses kept under {@code src/test/resources/workos-fixtures}.
 */
public final class Fixtures {

	private Fixtures() {
	}

	public static String read(String path) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/workos-fixtures/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
