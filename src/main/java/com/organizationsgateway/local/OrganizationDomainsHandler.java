package com.organizationsgateway.local;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /organization_domains}: add a domain (201, replayed for a repeated
 * {@code Idempotency-Key}), read it, run its DNS verification against {@link LocalDns}
 * (201, as WorkOS answers), and delete it (204 without a body, as WorkOS does).
 */
final class OrganizationDomainsHandler {

	/**
	 * Common consumer mail domains, which WorkOS refuses: whoever holds one would control
	 * sign-in for everyone using that provider.
	 */
	static final Set<String> CONSUMER_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com",
			"outlook.com", "live.com", "msn.com", "icloud.com", "me.com", "aol.com", "protonmail.com", "proton.me",
			"gmx.com", "mail.com", "yandex.ru");

	private final LocalOrganizationStore store;

	private final LocalDns dns;

	private final Duration verificationPeriod;

	private final OrganizationBodyReader reader;

	private final IdempotencyCache idempotency;

	private final JsonResponses responses;

	OrganizationDomainsHandler(LocalOrganizationStore store, LocalDns dns, Duration verificationPeriod,
			OrganizationBodyReader reader, IdempotencyCache idempotency, JsonResponses responses) {
		this.store = store;
		this.dns = dns;
		this.verificationPeriod = verificationPeriod;
		this.reader = reader;
		this.idempotency = idempotency;
		this.responses = responses;
	}

	Mono<ServerResponse> create(ServerRequest request) {
		String key = request.headers().firstHeader(CreateOrganizationHandler.IDEMPOTENCY_KEY);
		return request.bodyToMono(String.class).defaultIfEmpty("").map(this.reader::parse).map((body) -> {
			if (key == null || key.isBlank()) {
				return create(body);
			}
			return this.idempotency.execute(key, body, () -> create(body));
		}).flatMap(this.responses::send);
	}

	Mono<ServerResponse> get(ServerRequest request) {
		String id = request.pathVariable("id");
		LocalDomain domain = this.store.findDomain(id).orElseThrow(() -> LocalApiException.domainNotFound(id));
		return this.responses.ok(OrganizationJson.domain(domain));
	}

	Mono<ServerResponse> verify(ServerRequest request) {
		LocalDomain domain = this.store.verifyDomain(request.pathVariable("id"), this.dns::proves,
				this.verificationPeriod);
		return this.responses.send(this.responses.prepare(HttpStatus.CREATED, OrganizationJson.domain(domain)));
	}

	Mono<ServerResponse> delete(ServerRequest request) {
		this.store.deleteDomain(request.pathVariable("id"));
		return ServerResponse.noContent().build();
	}

	private PreparedResponse create(JsonNode body) {
		String organizationId = text(body.get("organization_id"));
		if (organizationId == null) {
			throw LocalApiException.invalid("organization_id", "organization_id must be a non-blank string.");
		}
		String given = text(body.get("domain"));
		// domains are case-insensitive; they are stored lower-cased
		String domain = (given != null) ? given.trim().toLowerCase(Locale.ROOT) : null;
		if (domain == null || !Text.isDomain(domain)) {
			throw LocalApiException.invalid("domain",
					(given == null) ? "domain must be a non-blank string." : "'" + given + "' is not a valid domain.");
		}
		if (CONSUMER_DOMAINS.contains(domain)) {
			throw LocalApiException.invalid("domain",
					"Common consumer domains such as " + domain + " cannot belong to an organization.");
		}
		LocalDomain added = this.store.addDomain(organizationId, domain);
		return this.responses.prepare(HttpStatus.CREATED, OrganizationJson.domain(added));
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString() && !node.stringValue().isBlank()) ? node.stringValue() : null;
	}

}
