package com.organizationsgateway.graphql.documents;

import graphql.execution.preparsed.PreparsedDocumentEntry;
import org.jspecify.annotations.Nullable;

/**
 * A trusted document, parsed and validated once when its manifest was loaded.
 *
 * @param id the id the manifest gives it
 * @param name its operation name, when the manifest gives one
 * @param body its text, as listed
 * @param entry the parsed and validated document, ready to execute
 */
record ListedDocument(String id, @Nullable String name, String body, PreparsedDocumentEntry entry) {

}
