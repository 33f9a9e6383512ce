package com.organizationsgateway.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.organizationsgateway.workos.StubWorkOsServer;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 600 generated hostile requests (headers, bodies, encodings, ids, documents) against the
 * gateway in WorkOS mode: none gets a 5xx, none takes over 2 s, and none of this invalid
 * input costs an upstream call. Seeded: {@code -Dfuzz.seed=N} replays a run, and a
 * failure names the seed and the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestFuzzTest {

	private static final int REQUESTS = 600;

	private static final long SEED = Long.getLong("fuzz.seed", 20261205L);

	@RegisterExtension
	private static final StubWorkOsServer workOs = new StubWorkOsServer();

	private static final String[] DOT_SEGMENTS = { ".", "..", "%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e",
			"%25252E" };

	private static final String[] BAD_ACCEPTS = { "*/*;q=garbage", "application/json;q=", "text/html;;;=;",
			"application/json;q=1e999", "/", "application/", ";q=0.5", "a/b;c" };

	private static final String[] BAD_UTF8 = { "C0AF", "C0AE", "E080AF", "EDA080", "F88880808080", "FF", "C3",
			"F4908080", "80", "E0" };

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void workOsMode(DynamicPropertyRegistry registry) {
		registry.add("gateway.workos.api-key", () -> "sk_test_hostile_fuzz");
		registry.add("gateway.workos.api-base-url", () -> workOs.baseUrl().toString());
		registry.add("gateway.security.allow-unauthenticated", () -> "true");
	}

	@Test
	void noHostileRequestGetsA5xxAHangOrAnUpstreamCall() throws Exception {
		workOs.respond(StubResponse.json(200, "{\"object\":\"list\",\"data\":[],\"list_metadata\":{}}"));
		Random random = new Random(SEED);
		RawHttp http = new RawHttp(this.port);
		Map<String, Integer> kinds = new LinkedHashMap<>();
		for (int i = 0; i < REQUESTS; i++) {
			Hostile hostile = generate(random);
			kinds.merge(hostile.kind(), 1, Integer::sum);
			int before = workOs.requests().size();
			RawHttp.Answer answer = hostile.get() ? http.get(hostile.target(), hostile.headers())
					: http.post(hostile.body(), hostile.headers());
			String what = "seed " + SEED + ", request " + i + " (" + hostile + "): " + answer;
			assertThat(answer.status()).as(what).isLessThan(500);
			assertThat(answer.took()).as(what).isLessThan(Duration.ofSeconds(2));
			assertThat(workOs.requests()).as("upstream calls for " + what).hasSize(before);
			if (answer.status() == 200) {
				assertThat(answer.json().path("errors").size()).as(what).isPositive();
			}
		}
		System.out.printf("fuzz seed %d: %d requests, by kind %s%n", SEED, REQUESTS, kinds);
		assertThat(kinds).hasSizeGreaterThanOrEqualTo(8);
	}

	private static Hostile generate(Random random) {
		Map<String, String> json = Map.of("Content-Type", "application/json", "Accept", "application/json");
		return switch (random.nextInt(10)) {
			case 0 -> new Hostile("accept", false, "",
					Map.of("Content-Type", "application/json", "Accept", pick(random, BAD_ACCEPTS)),
					document("{ __typename }"));
			case 1 -> new Hostile("long-accept", false, "",
					Map.of("Content-Type", "application/json", "Accept",
							"application/json," + "x/y;q=0.1,".repeat(110 + random.nextInt(600))),
					document("{ __typename }"));
			case 2 -> new Hostile("empty-body", false, "", json,
					pick(random,
							new String[] { "", "null", " ", "[]", "0", "\"\"", "{", "{}", "{\"query\":null}", "true" })
						.getBytes(StandardCharsets.UTF_8));
			case 3 -> new Hostile("dot-external-id", false, "", json, withVariable(
					"query($e: String) { organization(externalId: $e) { id } }", "e", pick(random, DOT_SEGMENTS)));
			case 4 -> new Hostile("bad-utf8-body", false, "", json, badUtf8Document(random));
			case 5 -> new Hostile(
					"bad-utf8-query", true, "/graphql?query=%7Borganization(externalId:%22x%"
							+ String.join("%", split(pick(random, BAD_UTF8))) + "%22)%7Bid%7D%7D",
					Map.of("Accept", "application/json"), new byte[0]);
			case 6 ->
				new Hostile("nested-ids", false, "", json, document("{ nodes(ids: " + nested(random) + ") { id } }"));
			case 7 -> new Hostile("bad-id", false, "", json,
					withVariable("query($i: ID) { organization(id: $i) { id } }", "i", junkId(random)));
			case 8 -> new Hostile("bad-external-id", false, "", json, withVariable(
					"query($e: String) { organization(externalId: $e) { id } }", "e", junkExternalId(random)));
			default -> new Hostile("bad-document", false, "", json, document(junkDocument(random)));
		};
	}

	private static byte[] badUtf8Document(Random random) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("{\"query\":\"{ organization(externalId: \\\"".getBytes(StandardCharsets.UTF_8));
		body.writeBytes(hex(pick(random, BAD_UTF8)));
		body.writeBytes("x\\\") { id } }\"}".getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private static String nested(Random random) {
		String id = "\\\"org_01EHZNVPK3SFK441A1RGBFSHRT\\\"";
		return switch (random.nextInt(4)) {
			case 0 -> "[[" + id + "]]";
			case 1 -> "[" + id + ", [" + id + "]]";
			case 2 -> "[{a: " + id + "}]";
			default -> "[1.5]";
		};
	}

	private static String junkId(Random random) {
		String[] parts = { "..", ".", "/", "%2F", "?", "#", "\\\\", "org_", "%00", " ", "org_01EHZNVPK3SFK441A1RGBFSHR",
				"\\u0000", "\\uD800", "日本", "%2e%2e" };
		StringBuilder id = new StringBuilder();
		for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
			id.append(pick(random, parts));
		}
		return id.toString();
	}

	private static String junkExternalId(Random random) {
		String[] forms = { "", "x".repeat(129 + random.nextInt(100)), "ünï", "tab\\tid", "nul\\u0000", "\\uD800",
				"\\uDFFF", "ctl\\u007F" };
		return pick(random, forms);
	}

	private static String junkDocument(Random random) {
		String[] forms = { "{", "}", "query {", "{ organization(id: ) { id } }", "{ nope }",
				"query($x: ID!) { __typename }", "{ organization { id } }",
				"{ organizations(first: -1) { edges { node { id } } } }",
				"{ organizations(first: 100000) { pageInfo { hasNextPage } } }",
				"{ organization(id: \"../x\") { id } }" + " ".repeat(random.nextInt(5)) };
		return pick(random, forms);
	}

	private static byte[] document(String document) {
		return ("{\"query\":\"" + document.replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] withVariable(String document, String name, String value) {
		return ("{\"query\":\"" + document + "\",\"variables\":{\"" + name + "\":\"" + value + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static List<String> split(String hex) {
		List<String> bytes = new ArrayList<>();
		for (int i = 0; i < hex.length(); i += 2) {
			bytes.add(hex.substring(i, i + 2));
		}
		return bytes;
	}

	private static byte[] hex(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
		}
		return bytes;
	}

	private record Hostile(String kind, boolean get, String target, Map<String, String> headers, byte[] body) {

		@Override
		public String toString() {
			return this.kind + " "
					+ (this.get ? this.target
							: new String(this.body, StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7E]", "?"))
					+ " " + this.headers.getOrDefault("Accept", "").length() + "-char Accept";
		}

	}

}
