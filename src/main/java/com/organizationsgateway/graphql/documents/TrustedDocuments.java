package com.organizationsgateway.graphql.documents;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.organizationsgateway.graphql.errors.ErrorCode;

/**
 * The trusted documents in force: the mode, the current list (swapped whole on a reload),
 * and the counting and logging of what became of each operation, by client.
 */
final class TrustedDocuments {

	/** The extension under which a request's {@code documentId} reaches the execution. */
	static final String DOCUMENT_ID = "documentId";

	/** The header Apollo's clients name themselves in. */
	static final String CLIENT_NAME_HEADER = "apollographql-client-name";

	/** The key of the request's client tag in the {@code GraphQLContext}. */
	static final String CLIENT = TrustedDocuments.class.getName() + ".client";

	private static final Logger logger = LoggerFactory.getLogger(TrustedDocuments.class);

	/** Enough of an unknown document to recognise it in the log. */
	private static final int MAX_LOGGED_LENGTH = 2000;

	private final TrustedDocumentsMode mode;

	private final ClientNames clientNames;

	private final MeterRegistry registry;

	private final Map<String, Map<TrustedDocumentOutcome, Counter>> counters = new ConcurrentHashMap<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private volatile TrustedDocumentList list = TrustedDocumentList.EMPTY;

	TrustedDocuments(TrustedDocumentsMode mode, Set<String> clientNames, int maxClientNames, MeterRegistry registry) {
		this.mode = mode;
		this.clientNames = new ClientNames(clientNames, maxClientNames);
		this.registry = registry;
		Gauge.builder("graphql.trusted.documents.listed", this, (trusted) -> trusted.list.size())
			.description("Documents in the list of trusted documents in force")
			.register(registry);
	}

	TrustedDocumentsMode mode() {
		return this.mode;
	}

	TrustedDocumentList list() {
		return this.list;
	}

	/** Puts a new list in force and tells those that kept verdicts on the old one. */
	void install(TrustedDocumentList list) {
		this.list = list;
		this.listeners.forEach(Runnable::run);
	}

	void onInstall(Runnable listener) {
		this.listeners.add(listener);
	}

	/** The request's document id, when it sent one. */
	static @Nullable String documentId(@Nullable Map<String, Object> extensions) {
		return (extensions != null && extensions.get(DOCUMENT_ID) instanceof String id) ? id : null;
	}

	/** The {@code client} tag for this {@code apollographql-client-name}. */
	String clientTag(@Nullable String clientName) {
		return this.clientNames.tag(clientName);
	}

	/** A listed document ran. */
	PreparsedDocumentEntry run(ListedDocument listed, TrustedDocumentOutcome outcome, ExecutionInput input) {
		count(outcome, input);
		return listed.entry();
	}

	/** The operation is refused, as the outcome says. */
	PreparsedDocumentEntry refuse(TrustedDocumentOutcome outcome, ExecutionInput input) {
		count(outcome, input);
		ErrorCode code = outcome.code();
		String message = outcome.message();
		if (code == null || message == null) {
			throw new IllegalArgumentException(outcome + " is no refusal");
		}
		return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
			.errorType(code)
			.message(message)
			.extensions(Map.of(ErrorCode.EXTENSION, code.name()))
			.build());
	}

	/**
	 * Whether a document that just parsed, in {@code log-unknown} mode, is missing from
	 * the list; logs it once when it is, with its text. Always false in other modes.
	 */
	boolean unlisted(PreparsedDocumentEntry entry, String text) {
		if (this.mode != TrustedDocumentsMode.LOG_UNKNOWN || entry.hasErrors()
				|| this.list.byCanonicalText(entry.getDocument()) != null) {
			return false;
		}
		String shown = (text.length() > MAX_LOGGED_LENGTH) ? text.substring(0, MAX_LOGGED_LENGTH) + "..." : text;
		logger.warn("Operation {} is not in the trusted documents (log-unknown): {}",
				operationName(entry.getDocument()), shown);
		return true;
	}

	void count(TrustedDocumentOutcome outcome, ExecutionInput input) {
		Object client = input.getGraphQLContext().get(CLIENT);
		String tag = (client instanceof String name) ? name : ClientNames.NONE;
		this.counters.computeIfAbsent(tag, this::counters).get(outcome).increment();
	}

	private Map<TrustedDocumentOutcome, Counter> counters(String client) {
		Map<TrustedDocumentOutcome, Counter> byOutcome = new EnumMap<>(TrustedDocumentOutcome.class);
		for (TrustedDocumentOutcome outcome : TrustedDocumentOutcome.values()) {
			byOutcome.put(outcome,
					Counter.builder("graphql.trusted.documents")
						.description("Operations by what the trusted documents made of them, by client")
						.tag("outcome", outcome.tag())
						.tag("client", client)
						.register(this.registry));
		}
		return byOutcome;
	}

	private static String operationName(Document document) {
		return document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.map(OperationDefinition::getName)
			.filter((name) -> name != null)
			.findFirst()
			.orElse("(anonymous)");
	}

}
