package com.organizationsgateway.graphql.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.ParseAndValidate;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;

/**
 * One immutable list of trusted documents, each parsed and validated against the schema
 * when the list was built, and found by id, by its exact text or by its
 * {@linkplain CanonicalText canonical text}: each lookup is one hash-map lookup.
 */
final class TrustedDocumentList {

	static final TrustedDocumentList EMPTY = new TrustedDocumentList(Map.of(), Map.of(), Map.of());

	private final Map<String, ListedDocument> byId;

	private final Map<String, ListedDocument> byText;

	private final Map<String, ListedDocument> byCanonicalText;

	private TrustedDocumentList(Map<String, ListedDocument> byId, Map<String, ListedDocument> byText,
			Map<String, ListedDocument> byCanonicalText) {
		this.byId = byId;
		this.byText = byText;
		this.byCanonicalText = byCanonicalText;
	}

	/**
	 * The list of these entries, each checked: an id that claims to be a SHA-256 must be
	 * its document's, the document must parse and validate against the schema, and one id
	 * cannot stand for two documents.
	 * @throws TrustedDocumentsException naming every entry that fails, with its id and
	 * why
	 */
	static TrustedDocumentList of(List<ManifestEntry> entries, GraphQLSchema schema) {
		Map<String, ListedDocument> byId = new HashMap<>();
		Map<String, ListedDocument> byText = new HashMap<>();
		Map<String, ListedDocument> byCanonicalText = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (ManifestEntry entry : entries) {
			String key = DocumentIds.key(entry.id());
			ListedDocument known = byId.get(key);
			if (known != null) {
				if (!known.body().equals(entry.body())) {
					problems.add(entry.describe() + ": the id is already listed for another document");
				}
				continue;
			}
			if (DocumentIds.claimsSha256(entry.id()) && !Sha256.hex(entry.body()).equals(key)) {
				problems.add(entry.describe() + ": the id is not the SHA-256 of the document, which is "
						+ Sha256.hex(entry.body()));
				continue;
			}
			Document document;
			try {
				document = parse(entry.body());
			}
			catch (InvalidSyntaxException ex) {
				problems.add(entry.describe() + ": the document does not parse: " + ex.getMessage());
				continue;
			}
			List<ValidationError> errors = ParseAndValidate.validate(schema, document, Locale.ENGLISH);
			if (!errors.isEmpty()) {
				problems.add(entry.describe() + ": the document does not validate against the schema: "
						+ errors.stream().map(ValidationError::getMessage).collect(Collectors.joining("; ")));
				continue;
			}
			ListedDocument listed = new ListedDocument(entry.id(), entry.name(), entry.body(),
					new PreparsedDocumentEntry(document));
			byId.put(key, listed);
			byText.putIfAbsent(entry.body(), listed);
			byCanonicalText.putIfAbsent(CanonicalText.of(document), listed);
		}
		if (!problems.isEmpty()) {
			throw new TrustedDocumentsException(problems);
		}
		return new TrustedDocumentList(Map.copyOf(byId), Map.copyOf(byText), Map.copyOf(byCanonicalText));
	}

	/** The document listed under this id, in any of its forms. */
	@Nullable ListedDocument byId(String id) {
		return this.byId.get(DocumentIds.key(id));
	}

	/** The document listed with exactly this text. */
	@Nullable ListedDocument byText(String text) {
		return this.byText.get(text);
	}

	/** The document listed with the same canonical text as this parsed one. */
	@Nullable ListedDocument byCanonicalText(Document document) {
		return this.byCanonicalText.get(CanonicalText.of(document));
	}

	int size() {
		return this.byId.size();
	}

	boolean isEmpty() {
		return this.byId.isEmpty();
	}

	private static Document parse(String body) {
		return new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
			.document(body)
			.parserOptions(ParserOptions.getDefaultOperationParserOptions())
			.build());
	}

}
