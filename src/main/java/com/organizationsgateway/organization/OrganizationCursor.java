package com.organizationsgateway.organization;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.organizationsgateway.graphql.errors.InvalidInputException;

/**
 * The connection's opaque cursors: base64url (unpadded) of {@code v1:} and the WorkOS
 * organization id, which is the cursor WorkOS itself pages by. The version prefix leaves
 * room to change the format without misreading old cursors.
 */
final class OrganizationCursor {

	private static final String PREFIX = "v1:";

	private OrganizationCursor() {
	}

	static String encode(String organizationId) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + organizationId).getBytes(StandardCharsets.UTF_8));
	}

	/** The organization id in a cursor; a malformed cursor is the client's error. */
	static String decode(String field, String cursor) {
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw malformed(field);
		}
		if (!decoded.startsWith(PREFIX) || !InputRules.isOrganizationId(decoded.substring(PREFIX.length()))) {
			throw malformed(field);
		}
		return decoded.substring(PREFIX.length());
	}

	private static InvalidInputException malformed(String field) {
		return new InvalidInputException(field, "malformed_cursor",
				"The cursor is not one this API returned; use a cursor from a previous page");
	}

}
