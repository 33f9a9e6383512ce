package com.organizationsgateway.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Generates hostile GraphQL requests: deep nesting, alias and fragment bombs, cyclic
 * fragments, huge strings, invalid UTF-8, NUL bytes, wrong JSON types, path-injection
 * ids, oversized and malformed bodies. Every one of them must be refused (or answered
 * harmlessly) without a 5xx, a hang, or an upstream call.
 */
final class HostileInputCorpus {

	static final String VALID_ID = "org_01ARZ3NDEKTSV4RRFFQ69G5FAV";

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * One request.
	 *
	 * @param name what it tries
	 * @param body the raw bytes sent
	 * @param contentType the Content-Type header
	 * @param chunked send without Content-Length
	 * @param maxUpstreamCalls 0 for invalid input; 1 where the input is valid after all
	 * and the upstream may be asked once, harmlessly
	 */
	record Case(String name, byte[] body, String contentType, boolean chunked, int maxUpstreamCalls) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static final int OVERLONG_SLASH = 6;

	private final List<Case> cases = new ArrayList<>();

	static List<Case> all() {
		HostileInputCorpus corpus = new HostileInputCorpus();
		corpus.deepNesting();
		corpus.aliasBombs();
		corpus.fragmentBombs();
		corpus.hugeStrings();
		corpus.invalidUtf8AndNul();
		corpus.wrongJsonTypes();
		corpus.pathInjection();
		corpus.oversizedBodies();
		corpus.malformedJson();
		corpus.badArguments();
		corpus.documentTricks();
		return List.copyOf(corpus.cases);
	}

	private void deepNesting() {
		for (int depth : new int[] { 16, 20, 30, 50, 100, 200, 500 }) {
			StringBuilder query = new StringBuilder("{ __schema { types { fields { type ");
			for (int i = 0; i < depth; i++) {
				query.append("{ ofType ");
			}
			query.append("{ name }");
			query.append(" }".repeat(depth)).append(" } } } }");
			query(depth + "-deep introspection", query.toString());
		}
		for (int depth : new int[] { 100, 1000, 5000, 20000 }) {
			query(depth + " nested braces", "{".repeat(depth) + "}".repeat(depth));
			query(depth + " nested list value",
					"{ nodes(ids: " + "[".repeat(depth) + "\"x\"" + "]".repeat(depth) + ") { id } }");
			raw(depth + "-deep JSON variables",
					("{\"query\":\"query($id: ID!) { node(id: $id) { id } }\"," + "\"variables\":{\"id\":"
							+ "[".repeat(depth) + "1" + "]".repeat(depth) + "}}")
						.getBytes(StandardCharsets.UTF_8));
		}
		for (int depth : new int[] { 10, 100, 1000 }) {
			StringBuilder input = new StringBuilder();
			for (int i = 0; i < depth; i++) {
				input.append("{name: ");
			}
			input.append("\"x\"").append("}".repeat(depth));
			query(depth + "-deep input object",
					"mutation { createOrganization(input: " + input + ") { organization { id } } }");
		}
	}

	private void aliasBombs() {
		for (int count : new int[] { 101, 200, 500, 1000, 2000, 5000 }) {
			StringBuilder query = new StringBuilder("{");
			for (int i = 0; i < count; i++) {
				query.append(" a").append(i).append(": organization(id: \"").append(VALID_ID).append("\") { id }");
			}
			query("alias bomb of " + count + " organization lookups", query.append(" }").toString());
		}
		for (int count : new int[] { 200, 1000, 5000 }) {
			StringBuilder query = new StringBuilder("{");
			for (int i = 0; i < count; i++) {
				query.append(" n").append(i).append(": nodes(ids: [\"").append(VALID_ID).append("\"]) { id }");
			}
			query("alias bomb of " + count + " nodes lookups", query.append(" }").toString());
			StringBuilder list = new StringBuilder("{");
			for (int i = 0; i < count; i++) {
				list.append(" l").append(i).append(": organizations(first: 100) { edges { cursor } }");
			}
			query("alias bomb of " + count + " list pages", list.append(" }").toString());
		}
		for (int count : new int[] { 3000, 10000, 50000 }) {
			query(count + " __typename aliases", "{" + " t: __typename".repeat(count) + " }");
		}
		for (int count : new int[] { 100, 1000 }) {
			StringBuilder mutation = new StringBuilder("mutation {");
			for (int i = 0; i < count; i++) {
				mutation.append(" d")
					.append(i)
					.append(": deleteOrganization(input: {id: \"x")
					.append(i)
					.append("\"}) { deletedOrganizationId }");
			}
			query("mutation alias bomb of " + count + " invalid deletes", mutation.append(" }").toString());
		}
	}

	private void fragmentBombs() {
		for (int levels : new int[] { 5, 10, 20, 30 }) {
			StringBuilder query = new StringBuilder("{ ...F0 }");
			for (int i = 0; i < levels; i++) {
				query.append(" fragment F")
					.append(i)
					.append(" on Query { ...F")
					.append(i + 1)
					.append(" ...F")
					.append(i + 1)
					.append(" }");
			}
			query.append(" fragment F")
				.append(levels)
				.append(" on Query { organization(id: \"")
				.append(VALID_ID)
				.append("\") { id } }");
			// graphql-java merges the 2^n identical fields into one: one lookup at most
			harmless("fragment bomb of 2^" + levels, json.writeValueAsBytes(Map.of("query", query.toString())));
			StringBuilder inline = new StringBuilder("{ organizations { edges { node { ...O0 } } } }");
			for (int i = 0; i < levels; i++) {
				inline.append(" fragment O")
					.append(i)
					.append(" on Organization { id ...O")
					.append(i + 1)
					.append(" name ...O")
					.append(i + 1)
					.append(" }");
			}
			inline.append(" fragment O").append(levels).append(" on Organization { id }");
			harmless("organization fragment bomb of 2^" + levels,
					json.writeValueAsBytes(Map.of("query", inline.toString())));
		}
		query("cyclic fragments", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }");
		query("self-referencing fragment", "{ ...A } fragment A on Query { __typename ...A }");
		query("three-fragment cycle",
				"{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }");
		query("cycle through a field", "{ organizations { edges { node { ...O } } } } "
				+ "fragment O on Organization { id ...P } fragment P on Organization { ...O }");
		query("undefined fragment", "{ ...Missing }");
		query("fragment on an unknown type", "{ ...A } fragment A on Nope { id }");
		for (int count : new int[] { 1000, 5000 }) {
			StringBuilder many = new StringBuilder("{ organization(id: \"" + VALID_ID + "\") {");
			for (int i = 0; i < count; i++) {
				many.append(" ...on Organization { id }");
			}
			query(count + " inline fragments", many.append(" } }").toString());
		}
	}

	private void hugeStrings() {
		for (int length : new int[] { 256, 1_000, 10_000, 90_000 }) {
			String big = "x".repeat(length);
			variables("name of " + length + " chars",
					"mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }",
					Map.of("input", Map.of("name", big)));
			variables("search of " + length + " chars",
					"query($s: String) { organizations(search: $s) { edges { cursor } } }", Map.of("s", big));
			variables("externalId of " + length + " chars", "query($e: String) { organization(externalId: $e) { id } }",
					Map.of("e", big));
			variables("id of " + length + " chars", "query($id: ID) { organization(id: $id) { id } }",
					Map.of("id", "org_" + big));
			variables("metadata value of " + (600 + length) + " chars",
					"mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }",
					Map.of("input", Map.of("name", "Acme", "metadata",
							List.of(Map.of("key", "k", "value", "v".repeat(600) + big)))));
		}
		query("90k-character string literal", "{ organization(externalId: \"" + "y".repeat(90_000) + "\") { id } }");
		query("90k-character field name", "{ " + "f".repeat(90_000) + " }");
		query("90k of whitespace", "{" + " ".repeat(90_000) + "__typename }");
		query("90k of commas", "{" + ",".repeat(90_000) + "__typename }");
		query("90k-character comment", "#" + "c".repeat(90_000) + "\n{ __typename }");
		variables("a thousand metadata entries",
				"mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }",
				Map.of("input", Map.of("name", "Acme", "metadata",
						Collections.nCopies(1000, Map.of("key", "k", "value", "v")))));
		variables("a thousand domains",
				"mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }",
				Map.of("input", Map.of("name", "Acme", "domainData",
						Collections.nCopies(1000, Map.of("domain", "example.com", "state", "PENDING")))));
		variables("101 node ids", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
				Map.of("ids", Collections.nCopies(101, VALID_ID)));
		variables("5000 node ids", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
				Map.of("ids", Collections.nCopies(5000, VALID_ID)));
		variables("5000 domain filters", "query($d: [String!]) { organizations(domains: $d) { edges { cursor } } }",
				Map.of("d", Collections.nCopies(5000, "example.com")));
	}

	private void invalidUtf8AndNul() {
		byte[][] invalid = { { (byte) 0xC3, 0x28 }, { (byte) 0xA0, (byte) 0xA1 }, { (byte) 0xE2, 0x28, (byte) 0xA1 },
				{ (byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC }, { (byte) 0xFF }, { (byte) 0xFE, (byte) 0xFF },
				{ (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 } };
		for (int i = 0; i < invalid.length; i++) {
			if (i == OVERLONG_SLASH) {
				// Jackson decodes the overlong form of '/' as '/': a valid
				// external id and name then, checked as decoded text, so it
				// cannot slip past any rule.
				harmless("overlong UTF-8 '/' in the query",
						concat("{\"query\":\"{ organization(externalId: \\\"a", invalid[i], "\\\") { id } }\"}"));
				harmless("overlong UTF-8 '/' in a variable", concat(
						"{\"query\":\"query($e: String) { organization(externalId: $e) { id } }\",\"variables\":{\"e\":\"a",
						invalid[i], "\"}}"));
				continue;
			}
			raw("invalid UTF-8 #" + i + " in the query",
					concat("{\"query\":\"{ organization(externalId: \\\"a", invalid[i], "\\\") { id } }\"}"));
			raw("invalid UTF-8 #" + i + " in a variable", concat(
					"{\"query\":\"mutation($n: String!) { createOrganization(input: {name: $n}) { organization { id } } }\","
							+ "\"variables\":{\"n\":\"Acme",
					invalid[i], "\"}}"));
			raw("invalid UTF-8 #" + i + " as the whole body", invalid[i]);
		}
		String create = "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }";
		variables("NUL in a name", create, Map.of("input", Map.of("name", "Acme\u0000Inc")));
		variables("NUL in an external id", create, Map.of("input", Map.of("name", "Acme", "externalId", "crm\u0000")));
		variables("NUL in a metadata key", create,
				Map.of("input", Map.of("name", "Acme", "metadata", List.of(Map.of("key", "k\u0000", "value", "v")))));
		variables("NUL in a metadata value", create,
				Map.of("input", Map.of("name", "Acme", "metadata", List.of(Map.of("key", "k", "value", "v\u0000")))));
		variables("NUL in a domain", create, Map.of("input",
				Map.of("name", "Acme", "domainData", List.of(Map.of("domain", "a\u0000.com", "state", "PENDING")))));
		variables("NUL in an idempotency key", create,
				Map.of("input", Map.of("name", "Acme", "idempotencyKey", "k\u0000")));
		variables("NUL in a search", "query($s: String) { organizations(search: $s) { edges { cursor } } }",
				Map.of("s", "a\u0000b"));
		variables("NUL in an id", "query($id: ID) { organization(id: $id) { id } }", Map.of("id", VALID_ID + "\u0000"));
		variables("NUL in a lookup by external id", "query($e: String) { organization(externalId: $e) { id } }",
				Map.of("e", "a\u0000b"));
		query("NUL in the document", "{ __typename \u0000 }");
		raw("raw NUL bytes in the body", new byte[] { '{', 0, 0, 0, '}' });
		raw("a body of NUL bytes", new byte[1024]);
		query("unpaired surrogate escape", "{ organization(externalId: \"\\ud800\") { id } }");
		variables("CRLF header injection through the idempotency key", create,
				Map.of("input", Map.of("name", "Acme", "idempotencyKey", "k\r\nX-Injected: yes")));
		variables("CRLF in an external id", create,
				Map.of("input", Map.of("name", "Acme", "externalId", "crm\r\nX-Injected: yes")));
	}

	private void wrongJsonTypes() {
		for (String query : new String[] { "1", "true", "null", "[]", "{}", "[\"{ __typename }\"]", "1e999" }) {
			raw("query as " + query, ("{\"query\":" + query + "}").getBytes(StandardCharsets.UTF_8));
		}
		for (String variables : new String[] { "1", "\"x\"", "[]", "true", "[{\"id\":1}]" }) {
			raw("variables as " + variables, ("{\"query\":\"{ __typename }\",\"variables\":" + variables + "}")
				.getBytes(StandardCharsets.UTF_8));
		}
		for (String name : new String[] { "1", "[]", "{}", "true" }) {
			raw("operationName as " + name,
					("{\"query\":\"{ __typename }\",\"operationName\":" + name + "}").getBytes(StandardCharsets.UTF_8));
		}
		raw("extensions as a string",
				"{\"query\":\"{ __typename }\",\"extensions\":\"x\"}".getBytes(StandardCharsets.UTF_8));
		String byId = "query($id: ID!) { organization(id: $id) { id } }";
		for (Object value : new Object[] { 1, 1.5, true, List.of("a"), Map.of("a", 1), Long.MAX_VALUE }) {
			variables("an ID as " + value.getClass().getSimpleName(), byId, Map.of("id", value));
		}
		String page = "query($n: Int) { organizations(first: $n) { edges { cursor } } }";
		for (Object value : new Object[] { "ten", 1.5, 2147483648L, -1, 0, 101, List.of(1), Map.of() }) {
			variables("first as " + value, page, Map.of("n", value));
		}
		String create = "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }";
		for (Object input : new Object[] { "Acme", 1, List.of(), Map.of(), Map.of("name", 1), Map.of("name", List.of()),
				Map.of("name", "Acme", "unknown", 1), Map.of("name", "Acme", "domainData", "x"),
				Map.of("name", "Acme", "domainData", List.of(Map.of("domain", "example.com", "state", "SIDEWAYS"))),
				Map.of("name", "Acme", "metadata", Map.of("k", "v")) }) {
			variables("create input " + input, create, Map.of("input", input));
		}
		variables("a missing required variable", byId, Map.of());
		variables("order as an unknown enum value",
				"query($o: SortOrder) { organizations(order: $o) { edges { cursor } } }", Map.of("o", "SIDEWAYS"));
	}

	private void pathInjection() {
		String[] ids = { "../../organizations", "org_01ARZ3NDEKTSV4RRFFQ69G5FAV/../../x", "org_../..",
				"%2e%2e%2f%2e%2e%2f", "org_01ARZ3NDEKTSV4RRFFQ69G5FA?x=1", "org_01ARZ3NDEKTSV4RRFFQ69G5FA#x",
				"org_01arz3ndektsv4rrffq69g5fav", "org_01ARZ3NDEKTSV4RRFFQ69G5FAV\r\nX-Injected: 1", "/etc/passwd",
				"org_01ARZ3NDEKTSV4RRFFQ69G5FAV/domains", "http://127.0.0.1:1/", "org_%00",
				"org_01ARZ3NDEKTSV4RRFFQ69G5FAVV" };
		for (String id : ids) {
			variables("id " + id.replace("\r\n", "\\r\\n"), "query($id: ID) { organization(id: $id) { id } }",
					Map.of("id", id));
			variables("update of id " + id.replace("\r\n", "\\r\\n"),
					"mutation($id: ID!) { updateOrganization(input: {id: $id, name: \"x\"}) { organization { id } } }",
					Map.of("id", id));
			variables("delete of id " + id.replace("\r\n", "\\r\\n"),
					"mutation($id: ID!) { deleteOrganization(input: {id: $id}) { deletedOrganizationId } }",
					Map.of("id", id));
		}
		for (String cursor : new String[] { "../../x", "b3JnXy4uLy4u", "!!!", "a".repeat(5000) }) {
			variables("cursor " + cursor.substring(0, Math.min(20, cursor.length())),
					"query($c: String) { organizations(after: $c) { edges { cursor } } }", Map.of("c", cursor));
		}
		// Valid external ids that look like paths: the upstream may be asked, with the id
		// as one encoded path segment.
		for (String externalId : new String[] { "../../organizations", "..", "a/b", "a?b=c", "a#b", "%2e%2e" }) {
			this.cases.add(new Case("external id " + externalId,
					body("query($e: String) { organization(externalId: $e) { id } }", Map.of("e", externalId)),
					"application/json", false, 1));
		}
	}

	private void oversizedBodies() {
		for (int kilobytes : new int[] { 101, 256, 1024, 5120 }) {
			byte[] body = body("{ __typename }", Map.of("pad", "p".repeat(kilobytes * 1024)));
			this.cases.add(new Case(kilobytes + " KB body", body, "application/json", false, 0));
			this.cases.add(new Case(kilobytes + " KB chunked body", body, "application/json", true, 0));
		}
		this.cases.add(new Case("1 MB of whitespace, chunked", " ".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8),
				"application/json", true, 0));
	}

	private void malformedJson() {
		String[] bodies = { "", " ", "{", "}", "{\"query\":", "{\"query\":\"{ __typename }\"",
				"{\"query\":\"{ __typename }\"}}", "{\"query\":\"{ __typename }\"} trailing", "[",
				"[{\"query\":\"{ __typename }\"}]", "null", "\"query\"", "{'query':'{ __typename }'}",
				"{\"query\":\"\\x41\"}", "{\"query\":\"\\u12\"}", "{query: \"{ __typename }\"}",
				"{\"query\":\"{ __typename }\",}", "{\"query\":\"{ __typename }\" \"variables\":{}}",
				"\uFEFF{\"query\":\"{ __typename }\"}", "{\"query\":\"" + "\\".repeat(1001) + "\"}" };
		for (String body : bodies) {
			raw("malformed JSON " + body.substring(0, Math.min(30, body.length())),
					body.getBytes(StandardCharsets.UTF_8));
		}
		this.cases.add(new Case("form-encoded body", "query=%7B__typename%7D".getBytes(StandardCharsets.UTF_8),
				"application/x-www-form-urlencoded", false, 0));
		this.cases.add(
				new Case("text/plain body", "{ __typename }".getBytes(StandardCharsets.UTF_8), "text/plain", false, 0));
		this.cases.add(new Case("XML body", "<query>{ __typename }</query>".getBytes(StandardCharsets.UTF_8),
				"application/xml", false, 0));
		this.cases.add(
				new Case("JSON with a bogus charset", "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8),
						"application/json; charset=bogus-1", false, 0));
		this.cases.add(new Case("UTF-16 body declared as UTF-8",
				"{\"query\":\"{ organization(id: 1) { id } }\"}".getBytes(StandardCharsets.UTF_16), "application/json",
				false, 0));
	}

	private void badArguments() {
		query("both id and externalId", "{ organization(id: \"" + VALID_ID + "\", externalId: \"e\") { id } }");
		query("neither id nor externalId", "{ organization { id } }");
		query("first and last", "{ organizations(first: 1, last: 1) { edges { cursor } } }");
		query("first 1000000", "{ organizations(first: 1000000) { edges { cursor } } }");
		query("first -5", "{ organizations(first: -5) { edges { cursor } } }");
		query("invalid domain filter", "{ organizations(domains: [\"not a domain\"]) { edges { cursor } } }");
		query("blank name", "mutation { createOrganization(input: {name: \"  \"}) { organization { id } } }");
		query("bad domain on create", "mutation { createOrganization(input: {name: \"A\", domainData: [{domain: "
				+ "\"../../x\", state: PENDING}]}) { organization { id } } }");
		query("domain with a path", "mutation { createOrganization(input: {name: \"A\", domainData: [{domain: "
				+ "\"example.com/admin\", state: VERIFIED}]}) { organization { id } } }");
		query("update with an invalid stripe id", "mutation { updateOrganization(input: {id: \"" + VALID_ID
				+ "\", stripeCustomerId: \"\"}) { organization { id } } }");
		query("61 metadata keys",
				"mutation { createOrganization(input: {name: \"A\", metadata: ["
						+ String.join(",", Collections.nCopies(61, "{key: \"k\", value: \"v\"}"))
						+ "]}) { organization { id } } }");
	}

	private void documentTricks() {
		query("subscription", "subscription { organizations { edges { cursor } } }");
		query("unknown field", "{ secrets }");
		query("unknown argument", "{ organizations(admin: true) { edges { cursor } } }");
		query("unknown directive", "{ __typename @admin }");
		query("1000 repeated directives", "{ __typename" + " @include(if: true)".repeat(1000) + " }");
		query("two anonymous operations", "{ __typename } { __typename }");
		query("an operation name that is not there", "query A { __typename }", "B");
		query("mutation selected by name among queries",
				"query A { __typename } mutation B { deleteOrganization(input: {id: \"x\"}) { deletedOrganizationId } }",
				"B");
		query("introspection of every field's type's fields",
				"{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }");
		query("repeated __schema", "{" + " s: __schema { types { name } }".repeat(200) + " }");
		query("a schema definition instead of an operation", "type Query { x: String }");
		query("an empty document", "");
		query("only a comment", "# nothing");
		query("an unterminated string", "{ organization(externalId: \"abc) { id } }");
		query("an unterminated block string", "{ organization(externalId: \"\"\"abc) { id } }");
		query("a variable never declared", "{ organization(id: $id) { id } }");
		query("a variable of an input type that does not exist", "query($x: Nope) { __typename }");
		query("selection on a scalar", "{ __typename { name } }");
		query("huge integer literal", "{ organizations(first: 99999999999999999999999) { edges { cursor } } }");
		query("float for an int", "{ organizations(first: 1.5) { edges { cursor } } }");
	}

	private void query(String name, String query) {
		query(name, query, null);
	}

	private void query(String name, String query, String operationName) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("query", query);
		if (operationName != null) {
			body.put("operationName", operationName);
		}
		raw(name, json.writeValueAsBytes(body));
	}

	private void variables(String name, String query, Map<String, Object> variables) {
		raw(name, body(query, variables));
	}

	/** Valid after all: the upstream may be asked once. */
	private void harmless(String name, byte[] body) {
		this.cases.add(new Case(name, body, "application/json", false, 1));
	}

	private void raw(String name, byte[] body) {
		this.cases.add(new Case(name, body, "application/json", false, 0));
	}

	private static byte[] body(String query, Map<String, Object> variables) {
		return json.writeValueAsBytes(Map.of("query", query, "variables", variables));
	}

	private static byte[] concat(String before, byte[] middle, String after) {
		byte[] start = before.getBytes(StandardCharsets.UTF_8);
		byte[] end = after.getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[start.length + middle.length + end.length];
		System.arraycopy(start, 0, all, 0, start.length);
		System.arraycopy(middle, 0, all, start.length, middle.length);
		System.arraycopy(end, 0, all, start.length + middle.length, end.length);
		return all;
	}

}
