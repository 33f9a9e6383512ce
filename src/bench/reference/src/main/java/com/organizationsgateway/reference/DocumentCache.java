package com.organizationsgateway.reference;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated documents by query text, so that a repeated query is parsed and
 * validated once, as in the gateway. Bounded only by the benchmark's two documents.
 */
class DocumentCache implements PreparsedDocumentProvider {

	private static final int MAX_DOCUMENTS = 100;

	private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry entry = this.documents.get(input.getQuery());
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors() && this.documents.size() < MAX_DOCUMENTS) {
				this.documents.put(input.getQuery(), entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

}
