package com.organizationsgateway.workos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.workos.StubWorkOsServer.RecordedRequest;
import com.organizationsgateway.workos.StubWorkOsServer.StubResponse;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The four {@code /organization_domains} endpoints over real HTTP against a scripted
 * server: what goes on the wire, how WorkOS's real answers (fixtures) are read, that an
 * unknown field or state breaks nothing, and the typed error of every failure of every
 * endpoint.
 */
class WorkOsOrganizationDomainsClientTest {

	private static final String DOMAIN_ID = "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A";

	private static final String PENDING = Fixtures.read("workos-go/testdata/organization_domain_stand_alone.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final StubWorkOsServer server = new StubWorkOsServer();

	@Test
	void getReadsEveryFieldOfTheStandAloneDomain() {
		server.respond(StubResponse.json(200, PENDING));

		WorkOsDomain domain = server.client().getOrganizationDomain(DOMAIN_ID).block();

		RecordedRequest request = server.lastRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/organization_domains/" + DOMAIN_ID);
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + StubWorkOsServer.API_KEY);
		assertThat(domain).isEqualTo(new WorkOsDomain(DOMAIN_ID, "foo-corp.com", "org_01HE8GSH8FQPASKSY27THRKRBP",
				WorkOsDomainState.PENDING, WorkOsVerificationStrategy.DNS, "m5Oztg3jdK4NJLgs8uIlIprMw",
				"superapp-domain-verification-z3kjny", Instant.parse("2026-01-15T12:00:00Z"),
				Instant.parse("2026-01-15T12:00:00Z")));
	}

	@Test
	void getReadsTheNodeSdkFixtures() {
		server.respond(StubResponse.json(200,
				Fixtures.read("workos-node/organization-domains/get-organization-domain-verified.json")));
		WorkOsDomain verified = server.client().getOrganizationDomain("org_domain_01HCZRAP3TPQ0X0DKJHR32TATG").block();
		server.respond(StubResponse.json(200,
				Fixtures.read("workos-node/organization-domains/get-organization-domain-pending.json")));
		WorkOsDomain pending = server.client().getOrganizationDomain("org_domain_01HD50K7EPWCMNPGMKXKKE14XT").block();

		assertThat(verified.state()).isEqualTo(WorkOsDomainState.VERIFIED);
		assertThat(verified.verificationStrategy()).isEqualTo(WorkOsVerificationStrategy.MANUAL);
		assertThat(verified.verificationToken()).isNull();
		assertThat(verified.organizationId()).isEqualTo("org_01JR8C1EHCRPV4B4XP4W2B9X1M");
		assertThat(pending.state()).isEqualTo(WorkOsDomainState.PENDING);
		assertThat(pending.verificationToken()).isEqualTo("F06PGMsZIO0shrveGWuGxgCj7");
		assertThat(pending.createdAt()).isNull();
	}

	@Test
	void theOldestDomainShapeReadsWithItsMissingFieldsAbsent() {
		server.respond(StubResponse.json(200,
				Fixtures.read("workos-node/organization-domains/get-organization-domain-unverified.json")));

		WorkOsDomain domain = server.client().getOrganizationDomain("org_domain_01HCZRAP3TPQ0X0DKJHR32TATG").block();

		assertThat(domain.domain()).isEqualTo("workos.com");
		assertThat(domain.state()).isEqualTo(WorkOsDomainState.PENDING);
		assertThat(domain.organizationId()).isNull();
		assertThat(domain.verificationStrategy()).isNull();
		assertThat(domain.updatedAt()).isNull();
	}

	@Test
	void anUnknownStateStrategyOrFieldDoesNotBreakTheRead() {
		server.respond(StubResponse.json(200,
				PENDING.replace("\"state\": \"pending\"", "\"state\": \"quarantined\", \"risk\": {\"level\": 3}")
					.replace("\"verification_strategy\": \"dns\"", "\"verification_strategy\": \"carrier_pigeon\"")));

		WorkOsDomain domain = server.client().getOrganizationDomain(DOMAIN_ID).block();

		assertThat(domain.domain()).isEqualTo("foo-corp.com");
		assertThat(domain.state()).isEqualTo(WorkOsDomainState.UNKNOWN);
		assertThat(domain.verificationStrategy()).isEqualTo(WorkOsVerificationStrategy.UNKNOWN);
	}

	@Test
	void createSendsWorkOsExampleBodyWithTheIdempotencyKey() {
		server.respond(StubResponse.json(201, PENDING));

		WorkOsDomain created = server.client()
			.createOrganizationDomain(
					new CreateOrganizationDomainRequest("org_01EHQMYV6MBK39QC5PZXHY59C3", "foo-corp.com"), "key-7")
			.block();

		RecordedRequest request = server.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/organization_domains");
		assertThat(request.header("Content-Type")).startsWith("application/json");
		assertThat(request.header("Idempotency-Key")).isEqualTo("key-7");
		assertThat(json.readTree(request.body()))
			.isEqualTo(json.readTree(Fixtures.read("workos-go/testdata/create_organization_domain.json")));
		assertThat(created.id()).isEqualTo(DOMAIN_ID);
		assertThat(created.state()).isEqualTo(WorkOsDomainState.PENDING);
	}

	@Test
	void verifyPostsAnEmptyObjectAsTheNodeSdkDoes() {
		server.respond(StubResponse.json(201, PENDING.replace("\"state\": \"pending\"", "\"state\": \"verified\"")
			.replace("\"updated_at\": \"2026-01-15T12:00:00.000Z\"", "\"updated_at\": \"2026-01-15T12:05:00.000Z\"")));

		WorkOsDomain verified = server.client().verifyOrganizationDomain(DOMAIN_ID).block();

		RecordedRequest request = server.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/organization_domains/" + DOMAIN_ID + "/verify");
		assertThat(request.body()).isEqualTo("{}");
		assertThat(verified.state()).isEqualTo(WorkOsDomainState.VERIFIED);
		assertThat(verified.updatedAt()).isEqualTo(Instant.parse("2026-01-15T12:05:00Z"));
	}

	@Test
	void deleteCompletesEmptyOnWorkOsBodylessNoContent() {
		server.respond(new StubResponse(204, Map.of(), "", null));

		Object result = server.client().deleteOrganizationDomain(DOMAIN_ID).block();

		assertThat(result).isNull();
		assertThat(server.lastRequest().method()).isEqualTo("DELETE");
		assertThat(server.lastRequest().path()).isEqualTo("/organization_domains/" + DOMAIN_ID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../organizations", "org_domain_1/../../x", "org_domain_1?limit=1", "a b", "..." })
	void anIdNeverChangesTheRequestPath(String id) {
		server.respond(StubWorkOsServer.echoing(201, PENDING, "/organization_domains/", "id"));
		WorkOsClient client = server.client();

		client.getOrganizationDomain(id).block();
		client.verifyOrganizationDomain(id).block();

		RecordedRequest get = server.requests().get(server.requests().size() - 2);
		RecordedRequest verify = server.lastRequest();
		assertThat(get.uri()).doesNotContain("?");
		String segment = get.path().substring("/organization_domains/".length());
		assertThat(segment).doesNotContain("/");
		assertThat(UriUtils.decode(segment, StandardCharsets.UTF_8)).isEqualTo(id);
		assertThat(verify.path()).isEqualTo("/organization_domains/" + segment + "/verify");
	}

	static Stream<Arguments> everyEndpointWithEveryFailure() {
		Map<String, Function<WorkOsClient, Mono<?>>> endpoints = Map.of("get",
				(client) -> client.getOrganizationDomain(DOMAIN_ID), "create",
				(client) -> client.createOrganizationDomain(
						new CreateOrganizationDomainRequest("org_01EHQMYV6MBK39QC5PZXHY59C3", "foo-corp.com"), null),
				"verify", (client) -> client.verifyOrganizationDomain(DOMAIN_ID), "delete",
				(client) -> client.deleteOrganizationDomain(DOMAIN_ID));
		Map<StubResponse, Class<? extends WorkOsException>> failures = Map.of(
				StubResponse.json(400,
						"{\"code\":\"domain_already_verified\",\"message\":\"Domain is already verified.\"}"),
				WorkOsException.BadRequest.class, StubResponse.json(401, "{\"message\":\"Unauthorized\"}"),
				WorkOsException.Unauthorized.class,
				StubResponse.json(404,
						"{\"code\":\"entity_not_found\",\"entity_id\":\""
								+ DOMAIN_ID + "\",\"message\":\"Organization Domain not found.\"}"),
				WorkOsException.NotFound.class,
				StubResponse.json(409,
						"{\"code\":\"domain_already_exists\",\"message\":\"Domain already exists for this organization.\"}"),
				WorkOsException.Conflict.class,
				StubResponse.json(422,
						"{\"code\":\"invalid_request_parameters\",\"message\":\"Validation failed.\",\"errors\":[{\"field\":\"domain\",\"code\":\"domain_invalid\"}]}"),
				WorkOsException.UnprocessableEntity.class,
				StubResponse.json(429, "{\"message\":\"Too many requests\"}").withHeader("Retry-After", "9"),
				WorkOsException.RateLimited.class, StubResponse.json(503, "{\"message\":\"Unavailable\"}"),
				WorkOsException.ServerError.class);
		return endpoints.entrySet()
			.stream()
			.flatMap((endpoint) -> failures.entrySet()
				.stream()
				.map((failure) -> Arguments.of(endpoint.getKey(), endpoint.getValue(),
						failure.getKey().withHeader("X-Request-ID", "req_domain_" + failure.getKey().status()),
						failure.getValue())));
	}

	@ParameterizedTest(name = "{0}: {2} -> {3}")
	@MethodSource("everyEndpointWithEveryFailure")
	void everyFailureOfEveryEndpointIsOneTypedError(String endpoint, Function<WorkOsClient, Mono<?>> call,
			StubResponse response, Class<? extends WorkOsException> type) {
		server.respond(response);

		Throwable error = catchThrowable(() -> call.apply(server.client()).block());

		assertThat(error).as(endpoint).isExactlyInstanceOf(type);
		WorkOsException.ApiError apiError = (WorkOsException.ApiError) error;
		assertThat(apiError.status()).isEqualTo(response.status());
		assertThat(apiError.requestId()).isEqualTo("req_domain_" + response.status());
		assertThat(apiError.getMessage()).doesNotContain(StubWorkOsServer.API_KEY);
	}

	@Test
	void theCodeAndFieldOfAnUpstreamRefusalAreKept() {
		server.respond(StubResponse.json(422,
				"{\"code\":\"invalid_request_parameters\",\"message\":\"Validation failed.\",\"errors\":[{\"field\":\"domain\",\"code\":\"domain_invalid\"}]}"));

		Throwable error = catchThrowable(() -> server.client()
			.createOrganizationDomain(new CreateOrganizationDomainRequest("org_01EHQMYV6MBK39QC5PZXHY59C3", "x.y"),
					null)
			.block());

		assertThat(((WorkOsException.ApiError) error).fieldErrors())
			.containsExactly(new WorkOsException.FieldError("domain", "domain_invalid", null));
	}

	@Test
	void aDomainDeleteWhoseFirstAnswerWasLostIsDoneWhenTheRetrySees404() {
		StubWorkOsServer flaky = new StubWorkOsServer();
		try {
			AtomicInteger calls = new AtomicInteger();
			flaky.respond((request) -> (calls.incrementAndGet() == 1) ? StubResponse.json(503, "{}")
					: StubResponse.json(404, "{\"message\":\"Organization Domain not found\"}"));
			WorkOsClient client = flaky.client(Duration.ofSeconds(2), WorkOsResilience.of(
					new ResilienceProperties(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2),
							0.2, 100, Duration.ofSeconds(4), 100, 1000, 1000, Duration.ofSeconds(10), 1, 64),
					new SimpleMeterRegistry()));

			client.deleteOrganizationDomain(DOMAIN_ID).block(Duration.ofSeconds(5));

			assertThat(flaky.requests()).hasSize(2);
		}
		finally {
			flaky.close();
		}
	}

}
