package com.organizationsgateway.graphql.documents;

import java.util.List;

/**
 * The trusted documents cannot be loaded: a manifest is missing or malformed, or an
 * entry's id does not match its document or the document does not validate. At startup
 * this stops the gateway; on a reload the previous list stays in force.
 */
public class TrustedDocumentsException extends RuntimeException {

	/** Enough to point at the manifest's problem without flooding the log. */
	private static final int MAX_REPORTED = 20;

	private final List<String> problems;

	TrustedDocumentsException(List<String> problems) {
		super(summary(problems), null, false, false);
		this.problems = List.copyOf(problems);
	}

	/** One line per problem, each naming the file and, for an entry, its id. */
	public List<String> problems() {
		return this.problems;
	}

	private static String summary(List<String> problems) {
		List<String> shown = problems.subList(0, Math.min(problems.size(), MAX_REPORTED));
		String more = (problems.size() > shown.size()) ? "\n  ... and " + (problems.size() - shown.size()) + " more"
				: "";
		return "The trusted documents cannot be loaded:\n  " + String.join("\n  ", shown) + more;
	}

}
