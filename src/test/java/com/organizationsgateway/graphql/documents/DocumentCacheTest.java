package com.organizationsgateway.graphql.documents;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.ParserOptions;
import graphql.parser.Parser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document cache on its own: what it parses once, what it never keeps, and the
 * persisted-query counters.
 */
class DocumentCacheTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DocumentCache cache = new DocumentCache(new DocumentProperties(10_000, 100, Duration.ZERO),
			new TrustedDocuments(TrustedDocumentsMode.OFF, Set.of(), 20, this.registry),
			ParserOptions.getDefaultOperationParserOptions(), this.registry);

	private final AtomicInteger parses = new AtomicInteger();

	private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = (input) -> {
		this.parses.incrementAndGet();
		return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
	};

	@Test
	void aDocumentIsParsedOnceAndALongerOneThanTheLimitEveryTime() {
		String query = "{ organizations(first: 1) { edges { node { id } } } }";
		String tooLong = "{ organizations(first: 1) { edges { node { id name externalId } } } }" + " ".repeat(100);

		for (int i = 0; i < 3; i++) {
			document(ExecutionInput.newExecutionInput(query).build());
			document(ExecutionInput.newExecutionInput(tooLong).build());
		}

		assertThat(this.parses).hasValue(1 + 3);
	}

	@Test
	void persistedQueriesAreCountedByOutcome() {
		String query = "{ organizations(first: 2) { edges { node { id } } } }";
		Map<String, Object> extensions = Map.of("persistedQuery",
				Map.of("version", 1, "sha256Hash", Sha256.hex(query)));

		PreparsedDocumentEntry miss = document(
				ExecutionInput.newExecutionInput("PersistedQueryMarker").extensions(extensions).build());
		document(ExecutionInput.newExecutionInput(query).extensions(extensions).build());
		PreparsedDocumentEntry hit = document(
				ExecutionInput.newExecutionInput("PersistedQueryMarker").extensions(extensions).build());

		assertThat(miss.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "PERSISTED_QUERY_NOT_FOUND"));
		assertThat(hit.hasErrors()).isFalse();
		assertThat(this.parses).hasValue(1);
		assertThat(this.registry.get("graphql.persisted.queries").tag("outcome", "miss").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("graphql.persisted.queries").tag("outcome", "registered").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("graphql.persisted.queries").tag("outcome", "hit").counter().count()).isEqualTo(1);
	}

	private PreparsedDocumentEntry document(ExecutionInput input) {
		return this.cache.getDocumentAsync(input, this.parseAndValidate).join();
	}

}
