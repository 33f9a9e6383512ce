package com.organizationsgateway.graphql.documents;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.TestClients;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * GraphQL requests as a client sends them to a running gateway (POST bodies, GET
 * parameters, the client name header) and the gateway's Prometheus meters.
 */
final class GatewayCalls {

	private final int port;

	private final WebTestClient client;

	GatewayCalls(int port) {
		this.port = port;
		this.client = TestClients.toPort(port);
	}

	/** A POST with this JSON body, as the named client ({@code null} for none). */
	WebTestClient.ResponseSpec post(Map<String, Object> body, @Nullable String clientName) {
		return this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (clientName != null) {
					headers.set("apollographql-client-name", clientName);
				}
			})
			.bodyValue(body)
			.exchange();
	}

	WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return post(body, null);
	}

	/** A GET with these query parameters, encoded as a browser would. */
	WebTestClient.ResponseSpec get(Map<String, String> parameters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString("http://127.0.0.1:" + this.port + "/graphql");
		parameters.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
		URI encoded = uri.encode().buildAndExpand(parameters).toUri();
		return this.client.get().uri(encoded).accept(MediaType.APPLICATION_JSON).exchange();
	}

	WebTestClient.ResponseSpec getPath(String path) {
		return this.client.get().uri(path).exchange();
	}

	/**
	 * The value of {@code graphql_trusted_documents_total} for this outcome and client,
	 * zero when the meter does not exist yet.
	 */
	double trustedDocuments(String outcome, String client) {
		return meter("graphql_trusted_documents_total", Map.of("outcome", outcome, "client", client));
	}

	/** The value of a Prometheus sample with at least these labels, zero without one. */
	double meter(String name, Map<String, String> labels) {
		String scrape = TestClients.prometheus(this.client);
		Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
		while (sample.find()) {
			String labelText = sample.group(1);
			if (labels.entrySet()
				.stream()
				.allMatch((label) -> labelText.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
				return Double.parseDouble(sample.group(2));
			}
		}
		return 0;
	}

	static Map<String, Object> body(Object... pairs) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return body;
	}

	static Map<String, Object> apolloHash(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

}
