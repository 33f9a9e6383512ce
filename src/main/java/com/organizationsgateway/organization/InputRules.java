package com.organizationsgateway.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * WorkOS's documented input limits, checked before any upstream call so that a bad
 * request costs nothing upstream. Where WorkOS's sources disagree, the specification's
 * (looser) numbers are used.
 */
final class InputRules {

	/** {@code org_} and a 26-character Crockford base32 ULID. */
	private static final Pattern ORGANIZATION_ID = Pattern.compile("^org_[0-9A-HJKMNP-TV-Z]{26}$");

	/** {@code org_domain_} and a 26-character Crockford base32 ULID. */
	private static final Pattern ORGANIZATION_DOMAIN_ID = Pattern.compile("^org_domain_[0-9A-HJKMNP-TV-Z]{26}$");

	/**
	 * A host name: labels of letters, digits and inner hyphens, at least two labels, 253
	 * characters at most; checked lower-cased. Internationalized names go as punycode.
	 */
	private static final Pattern DOMAIN = Pattern
		.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern DOT_ESCAPE = Pattern.compile("%2[eE]");

	private static final Pattern PERCENT_ESCAPE = Pattern.compile("%25");

	static final int MAX_NAME_LENGTH = 255;

	static final int MAX_EXTERNAL_ID_LENGTH = 128;

	static final int MAX_STRIPE_CUSTOMER_ID_LENGTH = 255;

	/** Domains of one organization, and domains of one list filter. */
	static final int MAX_DOMAINS = 100;

	/** Ids of one {@code nodes} lookup: each may cost an upstream call. */
	static final int MAX_NODE_IDS = 100;

	static final int MAX_SEARCH_LENGTH = 255;

	static final int MAX_METADATA_KEYS = 50;

	static final int MAX_METADATA_KEY_LENGTH = 40;

	static final int MAX_METADATA_VALUE_LENGTH = 600;

	static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

	private InputRules() {
	}

	static boolean isOrganizationId(@Nullable String id) {
		return id != null && ORGANIZATION_ID.matcher(id).matches();
	}

	static void organizationId(InputErrors errors, String field, String id) {
		if (!isOrganizationId(id)) {
			errors.add(field, "invalid_id", "Not a WorkOS organization id (org_ followed by 26 base32 characters)");
		}
	}

	static void organizationDomainId(InputErrors errors, String field, String id) {
		if (!ORGANIZATION_DOMAIN_ID.matcher(id).matches()) {
			errors.add(field, "invalid_id",
					"Not a WorkOS organization domain id (org_domain_ followed by 26 base32 characters)");
		}
	}

	static void name(InputErrors errors, String field, @Nullable String name) {
		if (name == null || name.isBlank()) {
			errors.add(field, "blank", "The name must not be blank");
		}
		else if (name.length() > MAX_NAME_LENGTH) {
			errors.add(field, "too_long", "The name must be at most " + MAX_NAME_LENGTH + " characters long");
		}
		else if (hasControlCharacters(name)) {
			errors.add(field, "control_characters", "The name must not contain control characters");
		}
	}

	static void externalId(InputErrors errors, String field, String externalId) {
		if (externalId.isEmpty() || externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
			errors.add(field, "invalid_length",
					"The external id must be 1 to " + MAX_EXTERNAL_ID_LENGTH + " characters long");
		}
		else if (!isAscii(externalId)) {
			errors.add(field, "not_ascii", "The external id must be ASCII");
		}
		else if (isDotSegment(externalId)) {
			errors.add(field, "dot_segment",
					"The external id must not be . or .., in any encoding: it would name another upstream path");
		}
		else if (hasControlCharacters(externalId)) {
			errors.add(field, "control_characters", "The external id must not contain control characters");
		}
	}

	static void stripeCustomerId(InputErrors errors, String field, String stripeCustomerId) {
		if (stripeCustomerId.isBlank()) {
			errors.add(field, "blank", "The Stripe customer id must not be blank; send null to clear it");
		}
		else if (stripeCustomerId.length() > MAX_STRIPE_CUSTOMER_ID_LENGTH || !isPrintableAscii(stripeCustomerId)) {
			errors.add(field, "invalid", "The Stripe customer id must be at most " + MAX_STRIPE_CUSTOMER_ID_LENGTH
					+ " printable ASCII characters");
		}
	}

	static void domainData(InputErrors errors, String field, @Nullable List<DomainDataInput> domainData) {
		if (domainData == null) {
			return;
		}
		if (domainData.size() > MAX_DOMAINS) {
			errors.add(field, "too_many", "At most " + MAX_DOMAINS + " domains are allowed");
			return;
		}
		for (int i = 0; i < domainData.size(); i++) {
			domain(errors, field + "[" + i + "].domain", domainData.get(i).domain());
		}
	}

	static void domain(InputErrors errors, String field, String domain) {
		if (domain.isBlank()) {
			errors.add(field, "blank", "The domain must not be blank");
		}
		else if (!DOMAIN.matcher(domain.toLowerCase(Locale.ROOT)).matches()) {
			errors.add(field, "invalid_domain",
					"Not a domain name (such as example.com; internationalized names as punycode)");
		}
	}

	/** The {@code domains} filter of a list: bounded, each a domain name. */
	static void domainFilter(InputErrors errors, String field, @Nullable List<String> domains) {
		if (domains == null) {
			return;
		}
		if (domains.size() > MAX_DOMAINS) {
			errors.add(field, "too_many", "At most " + MAX_DOMAINS + " domains can be filtered on");
			return;
		}
		for (int i = 0; i < domains.size(); i++) {
			domain(errors, field + "[" + i + "]", domains.get(i));
		}
	}

	static void search(InputErrors errors, String field, @Nullable String search) {
		if (search != null && search.length() > MAX_SEARCH_LENGTH) {
			errors.add(field, "too_long", "The search text must be at most " + MAX_SEARCH_LENGTH + " characters long");
		}
		else if (search != null && hasControlCharacters(search)) {
			errors.add(field, "control_characters", "The search text must not contain control characters");
		}
	}

	static void nodeIds(InputErrors errors, String field, List<String> ids) {
		if (ids.size() > MAX_NODE_IDS) {
			errors.add(field, "too_many", "At most " + MAX_NODE_IDS + " ids can be looked up at once");
		}
	}

	static void metadata(InputErrors errors, String field, @Nullable List<MetadataEntryInput> metadata,
			boolean nullValuesAllowed) {
		if (metadata == null) {
			return;
		}
		if (metadata.size() > MAX_METADATA_KEYS) {
			errors.add(field, "too_many_keys", "At most " + MAX_METADATA_KEYS + " metadata keys are allowed");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < metadata.size(); i++) {
			MetadataEntryInput entry = metadata.get(i);
			String at = field + "[" + i + "]";
			if (entry.key().isEmpty() || entry.key().length() > MAX_METADATA_KEY_LENGTH) {
				errors.add(at + ".key", "invalid_length",
						"A metadata key must be 1 to " + MAX_METADATA_KEY_LENGTH + " characters long");
			}
			else if (!isAscii(entry.key()) || hasControlCharacters(entry.key())) {
				errors.add(at + ".key", "not_ascii", "A metadata key must be ASCII without control characters");
			}
			else if (!seen.add(entry.key())) {
				errors.add(at + ".key", "duplicate", "The metadata key '" + entry.key() + "' is given twice");
			}
			String value = entry.value();
			if (value == null) {
				if (!nullValuesAllowed) {
					errors.add(at + ".value", "null", "A metadata value must not be null when creating");
				}
			}
			else if (value.length() > MAX_METADATA_VALUE_LENGTH) {
				errors.add(at + ".value", "too_long",
						"A metadata value must be at most " + MAX_METADATA_VALUE_LENGTH + " characters long");
			}
			else if (!isAscii(value) || value.chars()
				.anyMatch((c) -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
				errors.add(at + ".value", "not_ascii",
						"A metadata value must be ASCII without control characters other than tab and line breaks");
			}
		}
	}

	static void idempotencyKey(InputErrors errors, String field, @Nullable String key) {
		if (key == null) {
			return;
		}
		// It travels as an HTTP header, so only printable ASCII can be sent as it is.
		boolean printable = key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7E);
		if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH || !printable) {
			errors.add(field, "invalid", "The idempotency key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
					+ " printable ASCII characters without spaces");
		}
	}

	/**
	 * Whether the value is {@code .} or {@code ..} once percent-decoded, as many times as
	 * a chain of servers might decode it: servers following the WHATWG URL standard
	 * resolve {@code %2E%2E} as {@code ..}, whatever the encoding.
	 */
	static boolean isDotSegment(String value) {
		String decoded = value;
		for (int round = 0; round < 4; round++) {
			if (decoded.equals(".") || decoded.equals("..")) {
				return true;
			}
			String next = DOT_ESCAPE.matcher(decoded).replaceAll(".");
			next = PERCENT_ESCAPE.matcher(next).replaceAll("%");
			if (next.equals(decoded)) {
				return false;
			}
			decoded = next;
		}
		return decoded.equals(".") || decoded.equals("..");
	}

	private static boolean hasControlCharacters(String value) {
		return value.chars().anyMatch(Character::isISOControl);
	}

	private static boolean isPrintableAscii(String value) {
		return value.chars().allMatch((c) -> c >= 0x20 && c <= 0x7E);
	}

	private static boolean isAscii(String value) {
		return value.chars().allMatch((c) -> c < 0x80);
	}

}
