package com.organizationsgateway.graphql.documents;

import java.util.stream.Collectors;

import graphql.language.AstPrinter;
import graphql.language.Document;

/**
 * A document's text with what does not change its meaning taken out, as Apollo Router
 * compares safelisted documents: whitespace, commas and comments (GraphQL's ignored
 * tokens) and the order of its top-level definitions. Two texts with the same canonical
 * text are the same operations and fragments.
 */
final class CanonicalText {

	private CanonicalText() {
	}

	static String of(Document document) {
		return document.getDefinitions()
			.stream()
			.map(AstPrinter::printAstCompact)
			.sorted()
			.collect(Collectors.joining("\n"));
	}

}
