package com.organizationsgateway.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request the local API refuses, carrying the HTTP status and the exact JSON body
 * WorkOS would send. Thrown anywhere and rendered once, by {@link LocalApiFilter}.
 */
final class LocalApiException extends RuntimeException {

	private final HttpStatus status;

	private final Map<String, Object> body;

	private LocalApiException(HttpStatus status, Map<String, Object> body) {
		super(String.valueOf(body.get("message")), null, false, false);
		this.status = status;
		this.body = body;
	}

	HttpStatus status() {
		return this.status;
	}

	Map<String, Object> body() {
		return this.body;
	}

	static LocalApiException coded(HttpStatus status, String code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		return new LocalApiException(status, body);
	}

	static LocalApiException notFound(String entityId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", "entity_not_found");
		body.put("entity_id", entityId);
		body.put("message", "Organization not found: '" + entityId + "'.");
		return new LocalApiException(HttpStatus.NOT_FOUND, body);
	}

	static LocalApiException domainNotFound(String domainId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", "entity_not_found");
		body.put("entity_id", domainId);
		body.put("message", "Organization Domain not found: '" + domainId + "'.");
		return new LocalApiException(HttpStatus.NOT_FOUND, body);
	}

	/** 409 of {@code POST /organization_domains}: an organization holds the domain. */
	static LocalApiException domainExists(String domain, boolean sameOrganization) {
		return coded(HttpStatus.CONFLICT, "domain_already_exists",
				sameOrganization ? "Domain already exists for this organization."
						: "The domain " + domain + " already belongs to another organization.");
	}

	/** 422 naming the offending field, in WorkOS's validation shape. */
	static LocalApiException invalid(String field, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", "invalid_request_parameters");
		body.put("message", message);
		body.put("errors", List.of(Map.of("field", field, "code", message)));
		return new LocalApiException(HttpStatus.UNPROCESSABLE_CONTENT, body);
	}

	static LocalApiException badRequest(String code, String message) {
		return coded(HttpStatus.BAD_REQUEST, code, message);
	}

	static LocalApiException invalidMetadata(String message) {
		return badRequest("invalid_metadata", message);
	}

	static LocalApiException domainUsed(String domain) {
		return coded(HttpStatus.CONFLICT, "domain_already_used",
				"An Organization with the domain " + domain + " already exists.");
	}

	static LocalApiException unauthorized() {
		return coded(HttpStatus.UNAUTHORIZED, "unauthorized", "Invalid API key.");
	}

	static LocalApiException methodNotAllowed(String allowed) {
		return coded(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "This path only supports " + allowed + ".");
	}

	@Override
	public String toString() {
		return "LocalApiException[" + this.status.value() + " " + this.body + "]";
	}

}
