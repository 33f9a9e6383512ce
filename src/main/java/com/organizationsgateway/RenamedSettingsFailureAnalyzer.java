package com.organizationsgateway;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports renamed settings as Spring Boot reports a failed start, one line per setting,
 * instead of a stack trace.
 */
class RenamedSettingsFailureAnalyzer extends AbstractFailureAnalyzer<RenamedSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RenamedSettingsException cause) {
		String description = "These settings have new names:\n\n    " + String.join("\n    ", cause.found());
		return new FailureAnalysis(description,
				"Use the new names, as docs/configuration.md lists them; the old ones are no longer read.", cause);
	}

}
