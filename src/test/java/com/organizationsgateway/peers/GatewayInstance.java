package com.organizationsgateway.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.OrganizationsGatewayApplication;
import com.organizationsgateway.TestClients;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One gateway instance started in a test, with a GraphQL client for it and a count of the
 * organization reads it sends upstream.
 */
final class GatewayInstance implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private final WebTestClient client;

	private final AtomicInteger upstreamReads = new AtomicInteger();

	private final AtomicInteger upstreamCalls = new AtomicInteger();

	private GatewayInstance(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(List.of(args));
		ExchangeFilterFunction counting = (request, next) -> {
			if (request.url().getRawPath().startsWith("/organizations")) {
				this.upstreamCalls.incrementAndGet();
				if (request.method().name().equals("GET") && request.url().getRawPath().startsWith("/organizations/")) {
					this.upstreamReads.incrementAndGet();
				}
			}
			return next.exchange(request);
		};
		WebClientCustomizer countUpstreamCalls = (builder) -> builder.filter(counting);
		this.context = new SpringApplicationBuilder(OrganizationsGatewayApplication.class)
			.initializers(
					(context) -> context.getBeanFactory().registerSingleton("countUpstreamCalls", countUpstreamCalls))
			.run(all.toArray(String[]::new));
		this.client = TestClients.toPort(port());
	}

	static GatewayInstance start(String... args) {
		return new GatewayInstance(args);
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** GET requests for one organization sent upstream so far. */
	int upstreamReads() {
		return this.upstreamReads.get();
	}

	/** Every request sent upstream so far. */
	int upstreamCalls() {
		return this.upstreamCalls.get();
	}

	double counter(String name, String... tags) {
		var counter = bean(MeterRegistry.class).find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	String createOrganization(String name) {
		JsonNode data = graphQl("""
				mutation($input: CreateOrganizationInput!) {
				  createOrganization(input: $input) { organization { id } }
				}""", Map.of("input", Map.of("name", name)));
		return data.at("/data/createOrganization/organization/id").asString();
	}

	void rename(String id, String name) {
		JsonNode answer = graphQl("""
				mutation($input: UpdateOrganizationInput!) {
				  updateOrganization(input: $input) { organization { name } }
				}""", Map.of("input", Map.of("id", id, "name", name)));
		assertThat(answer.at("/data/updateOrganization/organization/name").asString()).isEqualTo(name);
	}

	void delete(String id) {
		JsonNode answer = graphQl("""
				mutation($input: DeleteOrganizationInput!) {
				  deleteOrganization(input: $input) { deletedOrganizationId }
				}""", Map.of("input", Map.of("id", id)));
		assertThat(answer.at("/data/deleteOrganization/deletedOrganizationId").asString()).isEqualTo(id);
	}

	/** Adds a domain to an organization; the new domain's id. */
	String addDomain(String organizationId, String domain) {
		JsonNode answer = graphQl("""
				mutation($input: AddOrganizationDomainInput!) {
				  addOrganizationDomain(input: $input) { organizationDomain { id } }
				}""", Map.of("input", Map.of("organizationId", organizationId, "domain", domain)));
		return answer.at("/data/addOrganizationDomain/organizationDomain/id").asString();
	}

	void removeDomain(String domainId) {
		JsonNode answer = graphQl("""
				mutation($input: RemoveOrganizationDomainInput!) {
				  removeOrganizationDomain(input: $input) { removedOrganizationDomainId }
				}""", Map.of("input", Map.of("id", domainId)));
		assertThat(answer.at("/data/removeOrganizationDomain/removedOrganizationDomainId").asString())
			.isEqualTo(domainId);
	}

	/** The domain names of the organization as this instance serves them. */
	List<String> domains(String id) {
		JsonNode answer = graphQl("query($id: ID) { organization(id: $id) { domains { domain } } }", Map.of("id", id));
		List<String> domains = new ArrayList<>();
		answer.at("/data/organization/domains").forEach((domain) -> domains.add(domain.get("domain").asString()));
		return domains;
	}

	/**
	 * The organization's name as this instance serves it, or the error code it answers.
	 */
	Read read(String id) {
		JsonNode answer = graphQl("query($id: ID) { organization(id: $id) { name } }", Map.of("id", id));
		JsonNode errors = answer.path("errors");
		if (!errors.isEmpty()) {
			return new Read(null, errors.get(0).at("/extensions/code").asString());
		}
		return new Read(answer.at("/data/organization/name").asString(), null);
	}

	JsonNode health() {
		String body = this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JSON.readTree(body);
	}

	private JsonNode graphQl(String document, Map<String, Object> variables) {
		String body = this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JsonNode answer = JSON.readTree(body);
		assertThat(answer.has("data") || answer.has("errors")).as(body).isTrue();
		return answer;
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * What a read answered.
	 *
	 * @param name the organization's name, if found
	 * @param errorCode the error's {@code extensions.code}, if it failed
	 */
	record Read(@Nullable String name, @Nullable String errorCode) {
	}

}
