package com.organizationsgateway.graphql.documents;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.parser.ParserOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;

import com.organizationsgateway.graphql.errors.ErrorCode;

/**
 * The gateway's one {@link PreparsedDocumentProvider}: parsed and validated documents in
 * a bounded Caffeine cache, keyed by query text, or by SHA-256 hash for Apollo's
 * Automatic Persisted Queries, so a repeated operation is parsed and validated once.
 */
public final class DocumentCache implements PreparsedDocumentProvider {

	/** The cache's name in Micrometer's {@code cache.*} meters. */
	static final String NAME = "graphql-documents";

	private final Cache<DocumentKey, CachedDocument> documents;

	private final int maximumLength;

	private final Duration persistedGetMaxAge;

	private final PreparsedDocumentProvider persistedQueries;

	private final Map<PersistedQueryOutcome, Counter> outcomes;

	private final ParserOptions parserOptions;

	DocumentCache(DocumentProperties properties, ParserOptions parserOptions, MeterRegistry registry) {
		this.parserOptions = parserOptions;
		this.documents = Caffeine.newBuilder()
			.maximumWeight(properties.maxCharacters())
			.weigher((DocumentKey key, CachedDocument document) -> document.length())
			.recordStats()
			.build();
		this.maximumLength = properties.maxLength();
		this.persistedGetMaxAge = properties.persistedGetMaxAge();
		this.persistedQueries = new PersistedQueries(this::persisted);
		Map<PersistedQueryOutcome, Counter> counters = new EnumMap<>(PersistedQueryOutcome.class);
		for (PersistedQueryOutcome outcome : PersistedQueryOutcome.values()) {
			counters.put(outcome,
					Counter.builder("graphql.persisted.queries")
						.description("Automatic Persisted Queries by outcome")
						.tag("outcome", outcome.tag())
						.register(registry));
		}
		this.outcomes = counters;
		CaffeineCacheMetrics.monitor(registry, this.documents, NAME);
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		if (persistedQueryHash(input.getExtensions()).isPresent()) {
			return this.persistedQueries.getDocumentAsync(input, parseAndValidate);
		}
		String query = input.getQuery();
		if (query.length() > this.maximumLength) {
			return CompletableFuture.completedFuture(parseAndValidate.apply(withParserLimits(input)));
		}
		CachedDocument document = this.documents.get(new DocumentKey(false, query),
				(key) -> new CachedDocument(parseAndValidate.apply(withParserLimits(input)), query.length()));
		return CompletableFuture.completedFuture(document.entry());
	}

	/**
	 * The document stored under a persisted query's hash, if it parsed: lets the GET
	 * route refuse a hash-only mutation before anything runs.
	 */
	public @Nullable Document persistedDocument(String hash) {
		CachedDocument cached = this.documents.getIfPresent(new DocumentKey(true, hash.toLowerCase(Locale.ROOT)));
		return (cached != null && !cached.entry().hasErrors()) ? cached.entry().getDocument() : null;
	}

	/**
	 * Apollo's {@code extensions.persistedQuery.sha256Hash}, when the request has one.
	 */
	public static Optional<String> persistedQueryHash(@Nullable Map<String, Object> extensions) {
		if (extensions != null && extensions.get("persistedQuery") instanceof Map<?, ?> persistedQuery
				&& persistedQuery.get("sha256Hash") instanceof String hash && !hash.isBlank()) {
			return Optional.of(hash);
		}
		return Optional.empty();
	}

	/**
	 * How long a client may keep the answer to a successful persisted query sent with
	 * GET; zero for not at all.
	 */
	public Duration persistedGetMaxAge() {
		return this.persistedGetMaxAge;
	}

	private CompletableFuture<PreparsedDocumentEntry> persisted(Object id, ExecutionInput input,
			PersistedQueryCacheMiss parseAndValidate) {
		String hash = id.toString().toLowerCase(Locale.ROOT);
		DocumentKey key = new DocumentKey(true, hash);
		String query = input.getQuery();
		boolean hasQuery = !query.isBlank() && !PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query);
		if (hasQuery && !Sha256.hex(query).equals(hash)) {
			count(PersistedQueryOutcome.HASH_MISMATCH);
			throw new PersistedQueryIdInvalid(id);
		}
		CachedDocument cached = this.documents.getIfPresent(key);
		if (cached != null) {
			count(PersistedQueryOutcome.HIT);
			return CompletableFuture.completedFuture(cached.entry());
		}
		if (!hasQuery) {
			count(PersistedQueryOutcome.MISS);
			throw new PersistedQueryNotFound(id);
		}
		withParserLimits(input);
		PreparsedDocumentEntry entry = parseAndValidate.apply(query);
		if (query.length() <= this.maximumLength) {
			this.documents.put(key, new CachedDocument(entry, query.length()));
		}
		count(PersistedQueryOutcome.REGISTERED);
		return CompletableFuture.completedFuture(entry);
	}

	/**
	 * Gives graphql-java's parser the gateway's token and size limits, which it looks up
	 * in the request's context; only documents that are parsed need them.
	 */
	private ExecutionInput withParserLimits(ExecutionInput input) {
		input.getGraphQLContext().put(ParserOptions.class, this.parserOptions);
		return input;
	}

	private void count(PersistedQueryOutcome outcome) {
		this.outcomes.get(outcome).increment();
	}

	/**
	 * A parsed and validated document with the length of its text, which is its weight in
	 * the cache.
	 */
	private record CachedDocument(PreparsedDocumentEntry entry, int length) {

	}

	/**
	 * graphql-java's Apollo support with the gateway's error codes, which Apollo clients
	 * also recognise ({@code PERSISTED_QUERY_NOT_FOUND} makes them resend the document).
	 */
	private static final class PersistedQueries extends ApolloPersistedQuerySupport {

		PersistedQueries(PersistedQueryCache cache) {
			super(cache);
		}

		@Override
		protected PreparsedDocumentEntry mkMissingError(PersistedQueryError error) {
			ErrorCode code = (error instanceof PersistedQueryNotFound) ? ErrorCode.PERSISTED_QUERY_NOT_FOUND
					: ErrorCode.PERSISTED_QUERY_HASH_MISMATCH;
			String message = (error instanceof PersistedQueryNotFound) ? "PersistedQueryNotFound"
					: "The document does not match its persisted query hash";
			GraphQLError graphQlError = GraphqlErrorBuilder.newError()
				.errorType(code)
				.message(message)
				.extensions(Map.of(ErrorCode.EXTENSION, code.name()))
				.build();
			return new PreparsedDocumentEntry(graphQlError);
		}

	}

}
