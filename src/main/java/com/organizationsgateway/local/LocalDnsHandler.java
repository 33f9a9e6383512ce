package com.organizationsgateway.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code PUT}, {@code GET} and {@code DELETE /local/dns/txt/{name}}: publish, read and
 * withdraw the TXT records of a name in {@link LocalDns}. A local-only endpoint, not part
 * of WorkOS's API: it lets a developer (or a test) play the domain owner's part of DNS
 * verification.
 */
final class LocalDnsHandler {

	static final int MAX_VALUES = 20;

	static final int MAX_VALUE_LENGTH = 255;

	private final LocalDns dns;

	private final OrganizationBodyReader reader;

	private final JsonResponses responses;

	LocalDnsHandler(LocalDns dns, OrganizationBodyReader reader, JsonResponses responses) {
		this.dns = dns;
		this.reader = reader;
		this.responses = responses;
	}

	Mono<ServerResponse> put(ServerRequest request) {
		String name = name(request);
		return request.bodyToMono(String.class).defaultIfEmpty("").map(this.reader::parse).flatMap((body) -> {
			this.dns.publish(name, values(body.get("values")));
			return this.responses.ok(json(name, this.dns.txt(name).orElse(List.of())));
		});
	}

	Mono<ServerResponse> get(ServerRequest request) {
		String name = name(request);
		List<String> values = this.dns.txt(name).orElseThrow(() -> notPublished(name));
		return this.responses.ok(json(name, values));
	}

	Mono<ServerResponse> delete(ServerRequest request) {
		String name = name(request);
		if (!this.dns.remove(name)) {
			throw notPublished(name);
		}
		return ServerResponse.noContent().build();
	}

	private static String name(ServerRequest request) {
		String name = LocalDns.normalize(request.pathVariable("name"));
		if (!Text.isDomain(name)) {
			throw LocalApiException.invalid("name", "'" + request.pathVariable("name") + "' is not a DNS name.");
		}
		return name;
	}

	private static List<String> values(@Nullable JsonNode node) {
		if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_VALUES) {
			throw LocalApiException.invalid("values",
					"values must be an array of 1 to " + MAX_VALUES + " TXT record values.");
		}
		List<String> values = new ArrayList<>();
		for (JsonNode value : node) {
			if (!value.isString() || value.stringValue().isEmpty() || value.stringValue().length() > MAX_VALUE_LENGTH
					|| !Text.isPrintableAscii(value.stringValue())) {
				throw LocalApiException.invalid("values",
						"Each TXT record value must be 1 to " + MAX_VALUE_LENGTH + " printable ASCII characters.");
			}
			values.add(value.stringValue());
		}
		return values;
	}

	private static Map<String, Object> json(String name, List<String> values) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("object", "dns_txt_record_set");
		json.put("name", name);
		json.put("values", values);
		return json;
	}

	private static LocalApiException notPublished(String name) {
		return LocalApiException.coded(HttpStatus.NOT_FOUND, "entity_not_found",
				"No TXT records are published at " + name + ".");
	}

}
