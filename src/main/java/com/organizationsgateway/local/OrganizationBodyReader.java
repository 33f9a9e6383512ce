package com.organizationsgateway.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns create and update bodies into validated drafts and changes. Reads a JSON tree
 * rather than binding records, because an update must tell an omitted key from an
 * explicit null. Unknown fields are ignored, as WorkOS does.
 */
final class OrganizationBodyReader {

	static final int MAX_NAME_LENGTH = 255;

	static final int MAX_EXTERNAL_ID_LENGTH = 128;

	static final int MAX_STRIPE_ID_LENGTH = 255;

	private final JsonMapper jsonMapper;

	OrganizationBodyReader(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/** Parses a body; an empty body reads as {@code {}}, as the Node SDK may send one. */
	JsonNode parse(String body) {
		if (body.isBlank()) {
			return this.jsonMapper.createObjectNode();
		}
		JsonNode tree;
		try {
			tree = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw LocalApiException.badRequest("invalid_json", "The request body is not valid JSON.");
		}
		if (tree == null || !tree.isObject()) {
			throw LocalApiException.badRequest("invalid_json", "The request body must be a JSON object.");
		}
		return tree;
	}

	OrganizationDraft readDraft(JsonNode body) {
		String name = readName(body.get("name"));
		List<DomainRequest> domains = isNullOrMissing(body.get("domain_data")) ? List.of()
				: readDomains(body.get("domain_data"));
		String externalId = readExternalId(body.get("external_id"));
		Map<String, String> metadata = new LinkedHashMap<>();
		JsonNode metadataNode = body.get("metadata");
		if (!isNullOrMissing(metadataNode)) {
			readMetadata(metadataNode).forEach((key, value) -> {
				if (value == null) {
					throw LocalApiException.invalidMetadata("Metadata values must be strings.");
				}
				metadata.put(key, value);
			});
		}
		MetadataRules.check(metadata);
		return new OrganizationDraft(name, domains, externalId, metadata, null);
	}

	OrganizationChanges readChanges(JsonNode body) {
		String name = body.has("name") ? readName(body.get("name")) : null;
		// null domain_data is read as "leave the domains alone"
		List<DomainRequest> domains = isNullOrMissing(body.get("domain_data")) ? null
				: readDomains(body.get("domain_data"));
		FieldChange<String> externalId = body.has("external_id")
				? FieldChange.of(readExternalId(body.get("external_id"))) : FieldChange.omitted();
		FieldChange<String> stripeCustomerId = body.has("stripe_customer_id")
				? FieldChange.of(readStripeCustomerId(body.get("stripe_customer_id"))) : FieldChange.omitted();
		Map<String, @Nullable String> metadataPatch = null;
		if (body.has("metadata")) {
			// undocumented: metadata null is read like {}, deleting every key
			metadataPatch = body.get("metadata").isNull() ? Map.of() : readMetadata(body.get("metadata"));
		}
		return new OrganizationChanges(name, domains, externalId, stripeCustomerId, metadataPatch);
	}

	private static String readName(@Nullable JsonNode node) {
		if (node == null || !node.isString() || node.stringValue().isBlank()) {
			throw LocalApiException.invalid("name", "name must be a non-blank string.");
		}
		String name = node.stringValue();
		if (name.length() > MAX_NAME_LENGTH) {
			throw LocalApiException.invalid("name", "name must be at most " + MAX_NAME_LENGTH + " characters.");
		}
		return name;
	}

	private static @Nullable String readExternalId(@Nullable JsonNode node) {
		if (isNullOrMissing(node)) {
			return null;
		}
		if (!node.isString() || node.stringValue().isEmpty() || node.stringValue().length() > MAX_EXTERNAL_ID_LENGTH
				|| !Text.isAscii(node.stringValue())) {
			throw LocalApiException.invalid("external_id",
					"external_id must be a string of 1 to " + MAX_EXTERNAL_ID_LENGTH + " ASCII characters, or null.");
		}
		return node.stringValue();
	}

	private static @Nullable String readStripeCustomerId(JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		if (!node.isString() || node.stringValue().isBlank() || node.stringValue().length() > MAX_STRIPE_ID_LENGTH) {
			throw LocalApiException.invalid("stripe_customer_id",
					"stripe_customer_id must be a non-blank string of at most " + MAX_STRIPE_ID_LENGTH
							+ " characters, or null.");
		}
		return node.stringValue();
	}

	private static List<DomainRequest> readDomains(JsonNode node) {
		if (!node.isArray()) {
			throw LocalApiException.invalid("domain_data", "domain_data must be an array of {domain, state}.");
		}
		List<DomainRequest> domains = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (JsonNode entry : node) {
			JsonNode domainNode = entry.get("domain");
			JsonNode stateNode = entry.get("state");
			if (!entry.isObject() || domainNode == null || !domainNode.isString()) {
				throw LocalApiException.invalid("domain_data", "Each domain_data entry needs a string domain.");
			}
			// domains are case-insensitive; they are stored lower-cased
			String domain = domainNode.stringValue().trim().toLowerCase(Locale.ROOT);
			if (!Text.isDomain(domain)) {
				throw LocalApiException.invalid("domain_data",
						"'" + domainNode.stringValue() + "' is not a valid domain.");
			}
			DomainState state = (stateNode != null && stateNode.isString())
					? DomainState.settable(stateNode.stringValue()) : null;
			if (state == null) {
				throw LocalApiException.invalid("domain_data",
						"The state of domain " + domain + " must be 'pending' or 'verified'.");
			}
			if (!seen.add(domain)) {
				throw LocalApiException.invalid("domain_data", "The domain " + domain + " is listed more than once.");
			}
			domains.add(new DomainRequest(domain, state));
		}
		return domains;
	}

	/** Reads a metadata object; values are strings or, for updates, null. */
	private static Map<String, @Nullable String> readMetadata(JsonNode node) {
		if (!node.isObject()) {
			throw LocalApiException.invalidMetadata("Metadata must be an object of string keys to string values.");
		}
		Map<String, @Nullable String> metadata = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (value.isNull()) {
				metadata.put(entry.getKey(), null);
			}
			else if (value.isString()) {
				metadata.put(entry.getKey(), value.stringValue());
			}
			else {
				throw LocalApiException.invalidMetadata("Metadata values must be strings.");
			}
		}
		return metadata;
	}

	private static boolean isNullOrMissing(@Nullable JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode();
	}

}
