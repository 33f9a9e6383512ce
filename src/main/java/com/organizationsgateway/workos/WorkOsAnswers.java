package com.organizationsgateway.workos;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the shape of every 2xx body before it is read as a wire record: a JSON object,
 * of the expected {@code object} kind where WorkOS states one, with a string {@code id},
 * and for a lookup the very resource asked for. A body that fails is a
 * {@link WorkOsException.MalformedResponse}, never a half-filled record.
 */
final class WorkOsAnswers {

	private final JsonMapper jsonMapper;

	WorkOsAnswers(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/** The body read as {@code expected}'s type, once its shape is right. */
	<T> T read(byte[] body, Expected<T> expected, @Nullable String requestId) {
		JsonNode json = parse(body, requestId);
		if (!json.isObject()) {
			throw malformed(
					"a JSON " + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " instead of an object",
					requestId);
		}
		JsonNode kind = json.get("object");
		if (kind != null && !(kind.isString() && kind.stringValue().equals(expected.kind()))) {
			throw malformed("an object of kind " + describe(kind) + " instead of " + expected.kind(), requestId);
		}
		if (expected.kind().equals(Expected.LIST_KIND)) {
			checkList(json, requestId);
		}
		else {
			checkResource(json, expected, requestId);
		}
		try {
			return this.jsonMapper.treeToValue(json, expected.type());
		}
		catch (JacksonException ex) {
			throw malformed("fields of the wrong type (" + ex.getOriginalMessage() + ")", requestId);
		}
	}

	private JsonNode parse(byte[] body, @Nullable String requestId) {
		if (body.length == 0) {
			throw malformed("an empty body", requestId);
		}
		try {
			JsonNode json = this.jsonMapper.readTree(body);
			if (json == null || json.isMissingNode()) {
				throw malformed("an empty body", requestId);
			}
			return json;
		}
		catch (JacksonException ex) {
			throw malformed("a body that is not JSON", requestId);
		}
	}

	private static void checkResource(JsonNode json, Expected<?> expected, @Nullable String requestId) {
		JsonNode id = json.get("id");
		if (id == null || !id.isString() || id.stringValue().isEmpty()) {
			throw malformed("an object without an id", requestId);
		}
		if (expected.id() != null && !expected.id().equals(id.stringValue())) {
			throw malformed("another resource than the one asked for", requestId);
		}
		if (expected.externalId() != null) {
			JsonNode externalId = json.get("external_id");
			if (externalId == null || !externalId.isString()
					|| !Objects.equals(expected.externalId(), externalId.stringValue())) {
				throw malformed("another organization than the external id asked for", requestId);
			}
		}
	}

	private static void checkList(JsonNode json, @Nullable String requestId) {
		JsonNode data = json.get("data");
		if (data == null || !data.isArray()) {
			throw malformed("a list without a data array", requestId);
		}
		for (JsonNode item : data) {
			JsonNode id = item.get("id");
			if (!item.isObject() || id == null || !id.isString() || id.stringValue().isEmpty()) {
				throw malformed("a list item without an id", requestId);
			}
		}
	}

	private static String describe(JsonNode kind) {
		String text = kind.isString() ? kind.stringValue()
				: kind.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
		// The kind is upstream data and ends up in a log line: kept short and printable.
		String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
		return (printable.length() > 40) ? printable.substring(0, 40) + "..." : printable;
	}

	private static WorkOsException.MalformedResponse malformed(String reason, @Nullable String requestId) {
		return new WorkOsException.MalformedResponse(reason, requestId);
	}

	/**
	 * What a 2xx body must be.
	 *
	 * @param type the wire record it is read as
	 * @param kind its {@code object} discriminator, checked when the body has one
	 * @param id the id asked for, if any
	 * @param externalId the external id asked for, if any
	 */
	record Expected<T>(Class<T> type, String kind, @Nullable String id, @Nullable String externalId) {

		static final String LIST_KIND = "list";

		static Expected<WorkOsOrganization> organization(@Nullable String id) {
			return new Expected<>(WorkOsOrganization.class, "organization", id, null);
		}

		static Expected<WorkOsOrganization> organizationWithExternalId(String externalId) {
			return new Expected<>(WorkOsOrganization.class, "organization", null, externalId);
		}

		static Expected<WorkOsOrganizationList> organizationList() {
			return new Expected<>(WorkOsOrganizationList.class, LIST_KIND, null, null);
		}

		static Expected<WorkOsDomain> domain(@Nullable String id) {
			return new Expected<>(WorkOsDomain.class, "organization_domain", id, null);
		}

	}

}
