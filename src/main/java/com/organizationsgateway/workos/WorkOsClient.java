package com.organizationsgateway.workos;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriUtils;

/**
 * The one client of the WorkOS Organizations API (organizations and their domains): one
 * non-blocking method per endpoint. Every failure surfaces as a {@link WorkOsException};
 * a missing organization or domain is a {@link WorkOsException.NotFound}, not an empty
 * result.
 */
public class WorkOsClient {

	private static final Logger logger = LoggerFactory.getLogger(WorkOsClient.class);

	static final String REQUEST_ID_HEADER = "X-Request-ID";

	static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	private final WebClient webClient;

	private final WorkOsEndpointSource endpoint;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final WorkOsResilience resilience;

	private final WorkOsAnswers answers;

	public WorkOsClient(WebClient webClient, WorkOsEndpointSource endpoint, JsonMapper jsonMapper, Clock clock,
			WorkOsResilience resilience) {
		this.webClient = webClient;
		this.endpoint = endpoint;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
		this.resilience = resilience;
		this.answers = new WorkOsAnswers(jsonMapper);
	}

	/** {@code GET /organizations/{id}}. */
	public Mono<WorkOsOrganization> getOrganization(String id) {
		return exchange(HttpMethod.GET, (base) -> path(base, "organizations", id), null, null,
				WorkOsAnswers.Expected.organization(id));
	}

	/** {@code GET /organizations/external_id/{external_id}}. */
	public Mono<WorkOsOrganization> getOrganizationByExternalId(String externalId) {
		return exchange(HttpMethod.GET, (base) -> path(base, "organizations", "external_id", externalId), null, null,
				WorkOsAnswers.Expected.organizationWithExternalId(externalId));
	}

	/** {@code GET /organizations}: one page, with the cursors to its neighbours. */
	public Mono<WorkOsOrganizationList> listOrganizations(ListOrganizationsRequest request) {
		return exchange(HttpMethod.GET, (base) -> listUri(base, request), null, null,
				WorkOsAnswers.Expected.organizationList());
	}

	/**
	 * {@code POST /organizations}. With an idempotency key, WorkOS answers a repeated
	 * request with the first one's result instead of creating a second organization.
	 */
	public Mono<WorkOsOrganization> createOrganization(CreateOrganizationRequest request,
			@Nullable String idempotencyKey) {
		return exchange(HttpMethod.POST, (base) -> path(base, "organizations"), request.toWireBody(), idempotencyKey,
				WorkOsAnswers.Expected.organization(null));
	}

	/** {@code PUT /organizations/{id}}, a partial update. */
	public Mono<WorkOsOrganization> updateOrganization(String id, UpdateOrganizationRequest request) {
		return exchange(HttpMethod.PUT, (base) -> path(base, "organizations", id), request.toWireBody(), null,
				WorkOsAnswers.Expected.organization(id));
	}

	/**
	 * {@code DELETE /organizations/{id}}; completes empty once WorkOS accepted it. When
	 * an attempt failed without a clear answer, a 404 on the retry means that attempt did
	 * delete it, so that 404 counts as done.
	 */
	public Mono<Void> deleteOrganization(String id) {
		return delete((base) -> path(base, "organizations", id));
	}

	/**
	 * {@code GET /organization_domains/{id}}: one domain of an organization, with its
	 * verification state and the id of the organization that holds it.
	 */
	public Mono<WorkOsDomain> getOrganizationDomain(String id) {
		return exchange(HttpMethod.GET, (base) -> path(base, "organization_domains", id), null, null,
				WorkOsAnswers.Expected.domain(id));
	}

	/**
	 * {@code POST /organization_domains}: adds a domain to an organization, pending DNS
	 * verification; a {@link WorkOsException.Conflict} when an organization already holds
	 * it. With an idempotency key, a retried request cannot add it twice.
	 */
	public Mono<WorkOsDomain> createOrganizationDomain(CreateOrganizationDomainRequest request,
			@Nullable String idempotencyKey) {
		return exchange(HttpMethod.POST, (base) -> path(base, "organization_domains"), request.toWireBody(),
				idempotencyKey, WorkOsAnswers.Expected.domain(null));
	}

	/**
	 * {@code POST /organization_domains/{id}/verify}: starts (or checks) the DNS
	 * verification and answers the domain in its new state; a
	 * {@link WorkOsException.BadRequest} when it is verified already.
	 */
	public Mono<WorkOsDomain> verifyOrganizationDomain(String id) {
		return exchange(HttpMethod.POST, (base) -> path(base, "organization_domains", id, "verify"), Map.of(), null,
				WorkOsAnswers.Expected.domain(id));
	}

	/**
	 * {@code DELETE /organization_domains/{id}}; completes empty once WorkOS removed it
	 * (WorkOS answers without a body), with the retry rule of
	 * {@link #deleteOrganization}.
	 */
	public Mono<Void> deleteOrganizationDomain(String id) {
		return delete((base) -> path(base, "organization_domains", id));
	}

	private Mono<Void> delete(Function<URI, URI> uri) {
		return Mono.defer(() -> {
			AtomicBoolean ambiguous = new AtomicBoolean();
			Mono<Void> attempt = this.<Void>request(HttpMethod.DELETE, uri, null, null, null)
				.onErrorResume(WorkOsException.NotFound.class, (ex) -> ambiguous.get() ? Mono.empty() : Mono.error(ex))
				.doOnError((ex) -> ambiguous.compareAndSet(false,
						ex instanceof WorkOsException.TransportFailure || ex instanceof WorkOsException.ServerError));
			return this.resilience.call(HttpMethod.DELETE, false, attempt);
		});
	}

	private <T> Mono<T> exchange(HttpMethod method, Function<URI, URI> uri, @Nullable Object body,
			@Nullable String idempotencyKey, WorkOsAnswers.Expected<T> expected) {
		return this.resilience.call(method, idempotencyKey != null,
				request(method, uri, body, idempotencyKey, expected));
	}

	/**
	 * One attempt: a cold Mono that sends the request each time it is subscribed; with no
	 * {@code expected} body (a DELETE), it completes empty.
	 */
	private <T> Mono<T> request(HttpMethod method, Function<URI, URI> uri, @Nullable Object body,
			@Nullable String idempotencyKey, WorkOsAnswers.@Nullable Expected<T> expected) {
		return Mono.defer(() -> {
			WorkOsEndpoint target = this.endpoint.current();
			WebClient.RequestBodySpec spec = this.webClient.method(method)
				.uri(uri.apply(target.baseUrl()))
				.accept(MediaType.APPLICATION_JSON)
				.headers((headers) -> {
					headers.setBearerAuth(target.apiKey());
					if (idempotencyKey != null) {
						headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
					}
				});
			if (body != null) {
				spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
			}
			return spec.exchangeToMono((response) -> readResponse(response, expected));
		}).onErrorMap(WebClientException.class, WorkOsClient::transportFailure);
	}

	private <T> Mono<T> readResponse(ClientResponse response, WorkOsAnswers.@Nullable Expected<T> expected) {
		if (response.statusCode().is2xxSuccessful()) {
			if (expected == null) {
				return response.releaseBody().then(Mono.empty());
			}
			String requestId = response.headers().asHttpHeaders().getFirst(REQUEST_ID_HEADER);
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> this.answers.read(bytes, expected, requestId))
				.doOnError(WorkOsException.MalformedResponse.class, (ex) -> malformed(response, ex));
		}
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.flatMap((bytes) -> Mono.error(failed(response, errorResponse(response, bytes)).toException()));
	}

	private WorkOsException.ErrorResponse errorResponse(ClientResponse response, byte[] body) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		JsonNode json = parseErrorBody(body);
		String message = text(json, "message");
		if (message == null) {
			message = text(json, "error_description");
		}
		if (message == null) {
			message = text(json, "error");
		}
		return new WorkOsException.ErrorResponse(response.statusCode().value(), text(json, "code"), message,
				fieldErrors(json), headers.getFirst(REQUEST_ID_HEADER),
				RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock));
	}

	private @Nullable JsonNode parseErrorBody(byte[] body) {
		if (body.length == 0 || body.length > MAX_ERROR_BODY_BYTES) {
			return null;
		}
		try {
			JsonNode json = this.jsonMapper.readTree(body);
			return (json != null && json.isObject()) ? json : null;
		}
		catch (RuntimeException ex) {
			// A proxy's HTML error page is still an error response; its status
			// says enough.
			return null;
		}
	}

	private static List<WorkOsException.FieldError> fieldErrors(@Nullable JsonNode json) {
		if (json == null || !json.path("errors").isArray()) {
			return List.of();
		}
		List<WorkOsException.FieldError> errors = new ArrayList<>();
		for (JsonNode error : json.path("errors")) {
			errors
				.add(new WorkOsException.FieldError(text(error, "field"), text(error, "code"), text(error, "message")));
		}
		return errors;
	}

	private static @Nullable String text(@Nullable JsonNode json, String field) {
		if (json == null) {
			return null;
		}
		JsonNode value = json.path(field);
		return value.isString() ? value.stringValue() : null;
	}

	private static WorkOsException transportFailure(Throwable ex) {
		// The cause's message may name the host, never the key; the key is only
		// ever in a header.
		WorkOsException.TransportFailure failure = new WorkOsException.TransportFailure(
				"WorkOS could not be reached: " + ex.getMessage(), ex);
		WorkOsOperation operation = (ex instanceof WebClientRequestException request)
				? WorkOsOperation.of(request.getMethod(), request.getUri().getRawPath()) : WorkOsOperation.OTHER;
		logger.atWarn()
			.addKeyValue("operation", operation.tag())
			.addKeyValue("outcome", "transport_failure")
			.log("WorkOS call {} failed: {}", operation.tag(), failure.getMessage());
		return failure;
	}

	/**
	 * The one log line of a failed call: operation, status and request id, never a body.
	 * WARN when WorkOS failed or refused the gateway (5xx, 429, 401, 403); a client's own
	 * mistake, such as an unknown id, is only DEBUG.
	 */
	private static WorkOsException.ErrorResponse failed(ClientResponse response, WorkOsException.ErrorResponse error) {
		WorkOsOperation operation = WorkOsOperation.of(response.request().getMethod(),
				response.request().getURI().getRawPath());
		int status = error.status();
		boolean upstreamFault = status >= 500 || status == 429 || status == 401 || status == 403;
		(upstreamFault ? logger.atWarn() : logger.atDebug()).addKeyValue("operation", operation.tag())
			.addKeyValue("status", error.status())
			.addKeyValue("requestId", error.requestId())
			.log("WorkOS call {} failed with status {} (request id {})", operation.tag(), error.status(),
					error.requestId());
		return error;
	}

	private static URI path(URI base, String... segments) {
		return WorkOsPaths.of(base, segments);
	}

	/**
	 * The one log line of a 2xx answer of the wrong shape, with the request id WorkOS
	 * support needs; the body itself is never logged.
	 */
	private static void malformed(ClientResponse response, WorkOsException.MalformedResponse ex) {
		WorkOsOperation operation = WorkOsOperation.of(response.request().getMethod(),
				response.request().getURI().getRawPath());
		logger.atWarn()
			.addKeyValue("operation", operation.tag())
			.addKeyValue("outcome", "malformed_response")
			.addKeyValue("requestId", ex.requestId())
			.log("WorkOS call {} answered {} with a malformed body (request id {}): {}", operation.tag(),
					response.statusCode().value(), ex.requestId(), ex.getMessage());
	}

	private static URI listUri(URI base, ListOrganizationsRequest request) {
		List<String> query = new ArrayList<>();
		if (request.domains() != null && !request.domains().isEmpty()) {
			// The comma-joined form is the one WorkOS's specification and its
			// Node SDK use.
			query.add(queryParam("domains", String.join(",", request.domains())));
		}
		if (request.search() != null) {
			query.add(queryParam("search", request.search()));
		}
		if (request.limit() != null) {
			query.add(queryParam("limit", request.limit().toString()));
		}
		if (request.order() != null) {
			query.add(queryParam("order", request.order().wireValue()));
		}
		if (request.before() != null) {
			query.add(queryParam("before", request.before()));
		}
		if (request.after() != null) {
			query.add(queryParam("after", request.after()));
		}
		URI uri = path(base, "organizations");
		return query.isEmpty() ? uri : URI.create(uri + "?" + String.join("&", query));
	}

	private static String queryParam(String name, String value) {
		// Strict encoding: '+', '&', '=' and '#' in a search term stay data.
		return name + "=" + UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}
