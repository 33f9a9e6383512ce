package com.organizationsgateway.local;

import java.util.Map;

/**
 * WorkOS's metadata limits (OpenAPI spec: at most 50 keys, keys up to 40 characters,
 * values up to 600; docs: ASCII only). Checked on the final map, so an update is judged
 * after merging.
 */
final class MetadataRules {

	static final int MAX_KEYS = 50;

	static final int MAX_KEY_LENGTH = 40;

	static final int MAX_VALUE_LENGTH = 600;

	private MetadataRules() {
	}

	static void check(Map<String, String> metadata) {
		if (metadata.size() > MAX_KEYS) {
			throw LocalApiException.invalidMetadata("Metadata may have at most " + MAX_KEYS + " keys.");
		}
		metadata.forEach((key, value) -> {
			if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !Text.isAscii(key)) {
				throw LocalApiException
					.invalidMetadata("Metadata keys must be 1 to " + MAX_KEY_LENGTH + " ASCII characters long.");
			}
			if (value.length() > MAX_VALUE_LENGTH || !Text.isAscii(value)) {
				throw LocalApiException.invalidMetadata("Metadata value of key '" + key + "' must be at most "
						+ MAX_VALUE_LENGTH + " ASCII characters long.");
			}
		});
	}

}
