package com.organizationsgateway.graphql.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether bytes are well-formed UTF-8, by the JDK's decoder set to report instead of
 * replace: overlong forms ({@code C0 AF} for {@code /}), encoded surrogates and bytes
 * that start no character are all refused. Jackson decodes an overlong {@code C0 AF} to a
 * plain {@code /}, which would then pass every later check.
 */
final class StrictUtf8 {

	private StrictUtf8() {
	}

	static boolean isWellFormed(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/**
	 * Whether a raw query string's percent-escapes decode to well-formed UTF-8; a
	 * {@code %} not followed by two hex digits is left for the parameter parser.
	 */
	static boolean isWellFormedQuery(String rawQuery) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawQuery.length());
		for (int i = 0; i < rawQuery.length(); i++) {
			char c = rawQuery.charAt(i);
			if (c == '%' && i + 2 < rawQuery.length() && isHex(rawQuery.charAt(i + 1))
					&& isHex(rawQuery.charAt(i + 2))) {
				bytes.write(Integer.parseInt(rawQuery.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		return isWellFormed(bytes.toByteArray());
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0 && c < 0x80;
	}

}
