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
import graphql.GraphqlErrorBuilder;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
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
 * Automatic Persisted Queries, so a repeated operation is parsed and validated once; and
 * the {@link TrustedDocuments} in force, which resolve document ids and decide, by their
 * mode, which documents run at all.
 */
public final class DocumentCache implements PreparsedDocumentProvider {

	/** The cache's name in Micrometer's {@code cache.*} meters. */
	static final String NAME = "graphql-documents";

	/**
	 * The extension under which the transport hands a request's {@code documentId} (of
	 * the GraphQL-over-HTTP persisted documents appendix) to the execution.
	 */
	public static final String DOCUMENT_ID = TrustedDocuments.DOCUMENT_ID;

	private static final String HASH_MISMATCH_MESSAGE = "The document does not match its persisted query hash";

	private final Cache<DocumentKey, CachedDocument> documents;

	private final int maximumLength;

	private final Duration persistedGetMaxAge;

	private final PreparsedDocumentProvider persistedQueries;

	private final Map<PersistedQueryOutcome, Counter> outcomes;

	private final TrustedDocuments trusted;

	private final ParserOptions parserOptions;

	DocumentCache(DocumentProperties properties, TrustedDocuments trusted, ParserOptions parserOptions,
			MeterRegistry registry) {
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
		this.trusted = trusted;
		// Cached log-unknown verdicts are about the list they were made against.
		trusted.onInstall(this.documents::invalidateAll);
		CaffeineCacheMetrics.monitor(registry, this.documents, NAME);
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Map<String, Object> extensions = input.getExtensions();
		String query = input.getQuery();
		String documentId = TrustedDocuments.documentId(extensions);
		if (documentId != null) {
			return CompletableFuture.completedFuture(byDocumentId(documentId, query, input));
		}
		Optional<String> hash = persistedQueryHash(extensions);
		TrustedDocumentsMode mode = this.trusted.mode();
		if (hash.isPresent()) {
			if (mode != TrustedDocumentsMode.OFF) {
				PreparsedDocumentEntry listed = byPersistedQueryHash(hash.get(), query, input, mode);
				if (listed != null) {
					return CompletableFuture.completedFuture(listed);
				}
			}
			return this.persistedQueries.getDocumentAsync(input, parseAndValidate);
		}
		return switch (mode) {
			case OFF -> CompletableFuture.completedFuture(cached(query, input, parseAndValidate));
			case REQUIRE_ID -> CompletableFuture
				.completedFuture(this.trusted.refuse(TrustedDocumentOutcome.REFUSED_ID_REQUIRED, input));
			case SAFELIST -> CompletableFuture.completedFuture(safelisted(query, input));
			case LOG_UNKNOWN -> {
				ListedDocument listed = this.trusted.list().byText(query);
				yield CompletableFuture.completedFuture(
						(listed != null) ? this.trusted.run(listed, TrustedDocumentOutcome.LISTED_TEXT, input)
								: cached(query, input, parseAndValidate));
			}
		};
	}

	/**
	 * A document sent as {@code documentId}, which only the list of trusted documents
	 * resolves: Automatic Persisted Queries' registrations are not trusted documents.
	 */
	private PreparsedDocumentEntry byDocumentId(String documentId, String query, ExecutionInput input) {
		if (hasText(query)) {
			return error(ErrorCode.BAD_USER_INPUT, "Send either documentId or query, not both");
		}
		ListedDocument listed = this.trusted.list().byId(documentId);
		return (listed != null) ? this.trusted.run(listed, TrustedDocumentOutcome.LISTED_ID, input)
				: this.trusted.refuse(TrustedDocumentOutcome.REFUSED_NOT_IN_LIST, input);
	}

	/**
	 * An Apollo persisted query under the trusted documents: a listed hash runs its
	 * listed document; an unlisted one is left to Automatic Persisted Queries (null)
	 * unless the mode refuses what is not listed. Then a hash sent with its document (an
	 * APQ registration) runs only if {@code safelist} finds the text listed, and nothing
	 * is registered, so that APQ cannot carry a document past the list.
	 */
	private @Nullable PreparsedDocumentEntry byPersistedQueryHash(String hash, String query, ExecutionInput input,
			TrustedDocumentsMode mode) {
		boolean hasQuery = hasText(query);
		ListedDocument listed = this.trusted.list().byId(hash);
		if (listed != null) {
			if (hasQuery && !query.equals(listed.body())) {
				count(PersistedQueryOutcome.HASH_MISMATCH);
				return error(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, HASH_MISMATCH_MESSAGE);
			}
			return this.trusted.run(listed, TrustedDocumentOutcome.LISTED_ID, input);
		}
		if (!mode.enforces()) {
			return null;
		}
		if (hasQuery && mode == TrustedDocumentsMode.SAFELIST) {
			if (!Sha256.hex(query).equals(hash.toLowerCase(Locale.ROOT))) {
				count(PersistedQueryOutcome.HASH_MISMATCH);
				return error(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, HASH_MISMATCH_MESSAGE);
			}
			return safelisted(query, input);
		}
		return this.trusted.refuse(TrustedDocumentOutcome.REFUSED_NOT_IN_LIST, input);
	}

	/**
	 * A document text in {@code safelist} mode: its exact text is one lookup; a text that
	 * differs only in ignored tokens or definition order is parsed (with the request's
	 * parser limits) to compare canonical texts. Either way the listed document runs,
	 * parsed and validated when it was loaded.
	 */
	private PreparsedDocumentEntry safelisted(String query, ExecutionInput input) {
		TrustedDocumentList list = this.trusted.list();
		ListedDocument listed = list.byText(query);
		if (listed == null && hasText(query)) {
			ParseAndValidateResult parsed = ParseAndValidate.parse(withParserLimits(input));
			listed = parsed.isFailure() ? null : list.byCanonicalText(parsed.getDocument());
		}
		return (listed != null) ? this.trusted.run(listed, TrustedDocumentOutcome.LISTED_TEXT, input)
				: this.trusted.refuse(TrustedDocumentOutcome.REFUSED_NOT_IN_SAFELIST, input);
	}

	/** A free-form document, parsed and validated once while it stays in the cache. */
	private PreparsedDocumentEntry cached(String query, ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		CachedDocument document;
		if (query.length() > this.maximumLength) {
			document = document(parseAndValidate.apply(withParserLimits(input)), query);
		}
		else {
			document = this.documents.get(new DocumentKey(false, query),
					(key) -> document(parseAndValidate.apply(withParserLimits(input)), query));
		}
		if (document.unlisted()) {
			this.trusted.count(TrustedDocumentOutcome.UNKNOWN, input);
		}
		return document.entry();
	}

	private CachedDocument document(PreparsedDocumentEntry entry, String query) {
		return new CachedDocument(entry, query.length(), this.trusted.unlisted(entry, query));
	}

	/**
	 * The document a GET request would run by its {@code documentId}, so that the GET
	 * route can refuse a listed mutation before anything runs.
	 */
	public @Nullable Document listedDocument(String documentId) {
		ListedDocument listed = this.trusted.list().byId(documentId);
		return (listed != null) ? listed.entry().getDocument() : null;
	}

	/**
	 * Whether only listed documents sent by id run ({@code require-id}): nothing typed
	 * into GraphiQL could.
	 */
	public boolean requiresDocumentIds() {
		return this.trusted.mode() == TrustedDocumentsMode.REQUIRE_ID;
	}

	/**
	 * The document stored under a persisted query's hash, listed or registered, if it
	 * parsed: lets the GET route refuse a hash-only mutation before anything runs.
	 */
	public @Nullable Document persistedDocument(String hash) {
		ListedDocument listed = this.trusted.list().byId(hash);
		if (listed != null) {
			return listed.entry().getDocument();
		}
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
			if (cached.unlisted()) {
				this.trusted.count(TrustedDocumentOutcome.UNKNOWN, input);
			}
			return CompletableFuture.completedFuture(cached.entry());
		}
		if (!hasQuery) {
			count(PersistedQueryOutcome.MISS);
			throw new PersistedQueryNotFound(id);
		}
		withParserLimits(input);
		CachedDocument document = document(parseAndValidate.apply(query), query);
		if (query.length() <= this.maximumLength) {
			this.documents.put(key, document);
		}
		count(PersistedQueryOutcome.REGISTERED);
		if (document.unlisted()) {
			this.trusted.count(TrustedDocumentOutcome.UNKNOWN, input);
		}
		return CompletableFuture.completedFuture(document.entry());
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

	private static boolean hasText(String query) {
		return !query.isBlank() && !PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query);
	}

	private static PreparsedDocumentEntry error(ErrorCode code, String message) {
		return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
			.errorType(code)
			.message(message)
			.extensions(Map.of(ErrorCode.EXTENSION, code.name()))
			.build());
	}

	/**
	 * A parsed and validated document with the length of its text, which is its weight in
	 * the cache, and whether {@code log-unknown} found it missing from the trusted
	 * documents (the cache is emptied when the list changes, so the verdict is never
	 * stale).
	 */
	private record CachedDocument(PreparsedDocumentEntry entry, int length, boolean unlisted) {

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
					: HASH_MISMATCH_MESSAGE;
			return error(code, message);
		}

	}

}
