package com.organizationsgateway;

import java.util.List;

/**
 * Settings were found under names they no longer have; each entry names the old setting,
 * its new name and where it was set.
 */
class RenamedSettingsException extends IllegalStateException {

	private final List<String> found;

	RenamedSettingsException(List<String> found) {
		super("Settings were renamed; rename these and start again (see docs/configuration.md): "
				+ String.join("; ", found));
		this.found = List.copyOf(found);
	}

	List<String> found() {
		return this.found;
	}

}
