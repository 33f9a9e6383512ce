package com.organizationsgateway.graphql.documents;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports trusted documents that stop the start as Spring Boot reports a failed start:
 * one line per problem, each naming the manifest and the entry's id, without a stack
 * trace.
 */
class TrustedDocumentsFailureAnalyzer extends AbstractFailureAnalyzer<TrustedDocumentsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TrustedDocumentsException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the manifests (or generate them again from operations that match the schema), or change "
						+ "gateway.graphql.trusted-documents.manifests or .mode; docs/trusted-documents.md says how.",
				cause);
	}

}
