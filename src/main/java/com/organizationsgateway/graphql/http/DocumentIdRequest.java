package com.organizationsgateway.graphql.http;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.jspecify.annotations.Nullable;

import com.organizationsgateway.graphql.documents.DocumentCache;

import org.springframework.graphql.server.support.SerializableGraphQlRequest;

/**
 * Spring's GraphQL request body with the {@code documentId} of the GraphQL-over-HTTP
 * persisted documents appendix: read in place of Spring's own for POST and SSE bodies
 * (see {@link GraphQlHttpRoutes}), it hands the id to the {@link DocumentCache} in the
 * request's extensions, and stands in for a missing {@code query} as an Apollo persisted
 * query does.
 */
class DocumentIdRequest extends SerializableGraphQlRequest {

	private @Nullable String documentId;

	public void setDocumentId(@Nullable String documentId) {
		this.documentId = documentId;
	}

	@Override
	public String getDocument() {
		if (this.documentId != null && getQuery() == null) {
			return PersistedQuerySupport.PERSISTED_QUERY_MARKER;
		}
		return super.getDocument();
	}

	@Override
	public Map<String, Object> getExtensions() {
		if (this.documentId == null) {
			return super.getExtensions();
		}
		return withDocumentId(super.getExtensions(), this.documentId);
	}

	/**
	 * The extensions with the request's document id where the document cache reads it.
	 */
	static Map<String, Object> withDocumentId(Map<String, Object> extensions, String documentId) {
		Map<String, Object> withId = new LinkedHashMap<>(extensions);
		withId.put(DocumentCache.DOCUMENT_ID, documentId);
		return withId;
	}

}
