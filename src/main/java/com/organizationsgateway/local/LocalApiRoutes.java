package com.organizationsgateway.local;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The routes of the local API, at the root of the port because WorkOS SDKs cannot add a
 * path prefix. Each path ends in a catch-all answering 405, so an unknown method on a
 * known path is not mistaken for a missing resource.
 */
final class LocalApiRoutes {

	static final String ORGANIZATIONS = "/organizations";

	// "/**" rather than "/{external_id}": the handler decodes the raw rest of
	// the path itself
	static final String BY_EXTERNAL_ID = "/organizations/external_id/**";

	static final String BY_ID = "/organizations/{id}";

	static final String DOMAINS = "/organization_domains";

	static final String DOMAIN_BY_ID = "/organization_domains/{id}";

	static final String DOMAIN_VERIFY = "/organization_domains/{id}/verify";

	/**
	 * Not WorkOS's: where a developer publishes the TXT records domain verification
	 * reads.
	 */
	static final String DNS_TXT = "/local/dns/txt/{name}";

	private LocalApiRoutes() {
	}

	static RouterFunction<ServerResponse> routes(ListOrganizationsHandler list, CreateOrganizationHandler create,
			ReadOrganizationHandler read, UpdateOrganizationHandler update, DeleteOrganizationHandler delete,
			OrganizationDomainsHandler domains, LocalDnsHandler dns, LocalApiFilter filter) {
		return RouterFunctions.route()
			.GET(ORGANIZATIONS, list::list)
			.POST(ORGANIZATIONS, create::create)
			.route(RequestPredicates.path(ORGANIZATIONS), methodNotAllowed("GET, POST"))
			.GET(BY_EXTERNAL_ID, read::getByExternalId)
			.route(RequestPredicates.path(BY_EXTERNAL_ID), methodNotAllowed("GET"))
			.GET(BY_ID, read::get)
			.PUT(BY_ID, update::update)
			.DELETE(BY_ID, delete::delete)
			.route(RequestPredicates.path(BY_ID), methodNotAllowed("GET, PUT, DELETE"))
			.POST(DOMAINS, domains::create)
			.route(RequestPredicates.path(DOMAINS), methodNotAllowed("POST"))
			.POST(DOMAIN_VERIFY, domains::verify)
			.route(RequestPredicates.path(DOMAIN_VERIFY), methodNotAllowed("POST"))
			.GET(DOMAIN_BY_ID, domains::get)
			.DELETE(DOMAIN_BY_ID, domains::delete)
			.route(RequestPredicates.path(DOMAIN_BY_ID), methodNotAllowed("GET, DELETE"))
			.PUT(DNS_TXT, dns::put)
			.GET(DNS_TXT, dns::get)
			.DELETE(DNS_TXT, dns::delete)
			.route(RequestPredicates.path(DNS_TXT), methodNotAllowed("GET, PUT, DELETE"))
			.filter(filter)
			.build();
	}

	private static HandlerFunction<ServerResponse> methodNotAllowed(String allowed) {
		return (request) -> {
			request.exchange().getResponse().getHeaders().set(HttpHeaders.ALLOW, allowed);
			return Mono.error(LocalApiException.methodNotAllowed(allowed));
		};
	}

}
