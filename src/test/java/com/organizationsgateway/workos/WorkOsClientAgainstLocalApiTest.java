package com.organizationsgateway.workos;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client against the embedded local Organizations API over real HTTP: two independent
 * implementations of one wire format that must agree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.local-api.seed=false")
class WorkOsClientAgainstLocalApiTest {

	@Autowired
	private WorkOsClient client;

	@Autowired
	private JsonMapper jsonMapper;

	@LocalServerPort
	private int port;

	@Test
	void createsReadsUpdatesAndDeletesAnOrganization() {
		String externalId = unique("ext");
		WorkOsOrganization created = this.client
			.createOrganization(new CreateOrganizationRequest("Crud Corp",
					List.of(new DomainData(unique("crud") + ".com", DomainData.State.VERIFIED)), externalId,
					Map.of("tier", "gold")), null)
			.block();

		assertThat(created.id()).matches("org_[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(created.createdAt()).isNotNull();
		assertThat(created.domains()).singleElement()
			.satisfies((domain) -> assertThat(domain.state()).isEqualTo(WorkOsDomainState.VERIFIED));
		assertThat(this.client.getOrganization(created.id()).block()).isEqualTo(created);
		assertThat(this.client.getOrganizationByExternalId(externalId).block()).isEqualTo(created);

		WorkOsOrganization renamed = this.client
			.updateOrganization(created.id(), UpdateOrganizationRequest.name("Crud Corp II"))
			.block();
		assertThat(renamed.name()).isEqualTo("Crud Corp II");
		assertThat(renamed.externalId()).isEqualTo(externalId);
		assertThat(renamed.metadata()).isEqualTo(Map.of("tier", "gold"));
		assertThat(renamed.updatedAt()).isAfterOrEqualTo(created.updatedAt());

		this.client.deleteOrganization(created.id()).block();
		assertThat(catchThrowable(() -> this.client.getOrganization(created.id()).block()))
			.isInstanceOf(WorkOsException.NotFound.class);
		assertThat(catchThrowable(() -> this.client.getOrganizationByExternalId(externalId).block()))
			.isInstanceOf(WorkOsException.NotFound.class);
	}

	@Test
	void addsReadsVerifiesAndDeletesADomainWithEveryRefusalTyped() {
		WorkOsOrganization organization = create("Domain Corp", Map.of());
		WorkOsOrganization other = create("Other Domain Corp", Map.of());
		String name = unique("domain") + ".com";
		WorkOsDomain added = this.client
			.createOrganizationDomain(new CreateOrganizationDomainRequest(organization.id(), name), "key-" + name)
			.block();

		assertThat(added.id()).matches("org_domain_[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(added.organizationId()).isEqualTo(organization.id());
		assertThat(added.state()).isEqualTo(WorkOsDomainState.PENDING);
		assertThat(added.verificationStrategy()).isEqualTo(WorkOsVerificationStrategy.DNS);
		assertThat(added.updatedAt()).isNotNull();
		assertThat(this.client.getOrganizationDomain(added.id()).block()).isEqualTo(added);
		assertThat(this.client.getOrganization(organization.id()).block().domains()).containsExactly(added);
		assertThat(this.client.verifyOrganizationDomain(added.id()).block()).as("no TXT record: unchanged")
			.isEqualTo(added);
		assertThat(catchThrowable(
				() -> this.client.createOrganizationDomain(new CreateOrganizationDomainRequest(other.id(), name), null)
					.block()))
			.isInstanceOfSatisfying(WorkOsException.Conflict.class,
					(conflict) -> assertThat(conflict.code()).isEqualTo("domain_already_exists"));
		assertThat(catchThrowable(() -> this.client
			.createOrganizationDomain(new CreateOrganizationDomainRequest(other.id(), "gmail.com"), null)
			.block())).isInstanceOfSatisfying(WorkOsException.UnprocessableEntity.class,
					(invalid) -> assertThat(invalid.fieldErrors()).extracting(WorkOsException.FieldError::field)
						.containsExactly("domain"));

		this.client.deleteOrganizationDomain(added.id()).block();

		assertThat(catchThrowable(() -> this.client.getOrganizationDomain(added.id()).block()))
			.isInstanceOf(WorkOsException.NotFound.class);
		assertThat(catchThrowable(() -> this.client.verifyOrganizationDomain(added.id()).block()))
			.isInstanceOf(WorkOsException.NotFound.class);
		assertThat(catchThrowable(() -> this.client.deleteOrganizationDomain(added.id()).block()))
			.isInstanceOf(WorkOsException.NotFound.class);
		assertThat(this.client.getOrganization(organization.id()).block().domains()).isEmpty();
	}

	@Test
	void mergesMetadataAndDeletesKeysSetToNull() {
		WorkOsOrganization created = create("Meta Corp", Map.of("tier", "gold", "region", "eu", "legacy", "yes"));
		Map<String, String> changes = new LinkedHashMap<>();
		changes.put("tier", "platinum");
		changes.put("legacy", null);
		changes.put("seats", "40");

		WorkOsOrganization updated = this.client
			.updateOrganization(created.id(),
					new UpdateOrganizationRequest(null, null, FieldUpdate.keep(), FieldUpdate.keep(), changes))
			.block();

		assertThat(updated.metadata()).isEqualTo(Map.of("tier", "platinum", "region", "eu", "seats", "40"));
		assertThat(updated.name()).isEqualTo("Meta Corp");
	}

	@Test
	void clearsExternalAndStripeIdsOnlyWhenAskedTo() {
		String externalId = unique("ext");
		WorkOsOrganization created = this.client
			.createOrganization(new CreateOrganizationRequest("Clear Corp", null, externalId, null), null)
			.block();
		String stripeId = unique("cus");
		WorkOsOrganization withStripe = this.client
			.updateOrganization(created.id(),
					new UpdateOrganizationRequest(null, null, FieldUpdate.keep(), FieldUpdate.set(stripeId), null))
			.block();
		assertThat(withStripe.stripeCustomerId()).isEqualTo(stripeId);
		assertThat(withStripe.externalId()).isEqualTo(externalId);

		WorkOsOrganization cleared = this.client
			.updateOrganization(created.id(),
					new UpdateOrganizationRequest(null, null, FieldUpdate.clear(), FieldUpdate.clear(), null))
			.block();

		assertThat(cleared.externalId()).isNull();
		assertThat(cleared.stripeCustomerId()).isNull();
	}

	@Test
	void domainDataReplacesTheDomainSet() {
		String keep = unique("keep") + ".com";
		WorkOsOrganization created = this.client
			.createOrganization(
					new CreateOrganizationRequest("Domains Corp",
							List.of(new DomainData(keep, DomainData.State.VERIFIED),
									new DomainData(unique("drop") + ".com", DomainData.State.PENDING)),
							null, null),
					null)
			.block();
		String added = unique("add") + ".com";

		WorkOsOrganization updated = this.client
			.updateOrganization(created.id(),
					new UpdateOrganizationRequest(null,
							List.of(new DomainData(keep, DomainData.State.VERIFIED),
									new DomainData(added, DomainData.State.PENDING)),
							FieldUpdate.keep(), FieldUpdate.keep(), null))
			.block();

		assertThat(updated.domains()).extracting(WorkOsDomain::domain).containsExactlyInAnyOrder(keep, added);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "a/b", "%2F", "?q=1", "#top", "a b", "ünïcødé", "..", "%252F" })
	void findsOrganizationsByExternalIdsThatLookLikePaths(String hostile) {
		String externalId = unique("x") + hostile;
		if (!externalId.chars().allMatch((c) -> c < 128)) {
			// WorkOS external ids are ASCII; a non-ASCII one must be refused,
			// not misrouted.
			assertThat(catchThrowable(() -> this.client
				.createOrganization(new CreateOrganizationRequest("Path Corp", null, externalId, null), null)
				.block())).isInstanceOf(WorkOsException.UnprocessableEntity.class);
			assertThat(catchThrowable(() -> this.client.getOrganizationByExternalId(externalId).block()))
				.isInstanceOf(WorkOsException.NotFound.class);
			return;
		}
		WorkOsOrganization created = this.client
			.createOrganization(new CreateOrganizationRequest("Path Corp", null, externalId, null), null)
			.block();

		assertThat(this.client.getOrganizationByExternalId(externalId).block().id()).isEqualTo(created.id());
		// A dot segment is refused before it is sent: servers resolve it in any encoding.
		assertThat(catchThrowable(() -> this.client.getOrganization(hostile).block()))
			.isInstanceOf(hostile.equals("..") ? IllegalArgumentException.class : WorkOsException.NotFound.class);
	}

	@ParameterizedTest
	@EnumSource(ListOrder.class)
	void pagesForwardAndBackwardThroughEveryOrganizationExactlyOnce(ListOrder order) {
		String tag = unique("page");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			ids.add(create(tag + " " + i, Map.of()).id());
		}
		List<String> expected = (order == ListOrder.ASC) ? ids : reversed(ids);

		List<String> forward = new ArrayList<>();
		String after = null;
		do {
			WorkOsOrganizationList page = this.client
				.listOrganizations(new ListOrganizationsRequest(null, tag, 5, order, null, after))
				.block();
			assertThat(page.data()).hasSizeLessThanOrEqualTo(5);
			page.data().forEach((organization) -> forward.add(organization.id()));
			after = page.listMetadata().after();
		}
		while (after != null && forward.size() <= ids.size());
		assertThat(forward).containsExactlyElementsOf(expected);

		// Backward from the last item: each page holds the items just before the cursor,
		// in list order.
		String last = expected.get(expected.size() - 1);
		List<String> backward = new ArrayList<>(List.of(last));
		String before = last;
		do {
			WorkOsOrganizationList page = this.client
				.listOrganizations(new ListOrganizationsRequest(null, tag, 5, order, before, null))
				.block();
			assertThat(page.data()).hasSizeLessThanOrEqualTo(5);
			backward.addAll(0, page.data().stream().map(WorkOsOrganization::id).toList());
			before = page.listMetadata().before();
		}
		while (before != null && backward.size() <= ids.size());
		assertThat(backward).containsExactlyElementsOf(expected);
	}

	@Test
	void theFirstPageSaysThereIsNothingBeforeAndTheLastNothingAfter() {
		String tag = unique("edges");
		for (int i = 0; i < 3; i++) {
			create(tag + " " + i, Map.of());
		}

		WorkOsOrganizationList all = this.client
			.listOrganizations(new ListOrganizationsRequest(null, tag, 10, null, null, null))
			.block();

		assertThat(all.data()).hasSize(3);
		assertThat(all.listMetadata()).isEqualTo(new WorkOsOrganizationList.ListMetadata(null, null));
	}

	@Test
	void filtersByAnyOfSeveralDomains() {
		String a = unique("a") + ".com";
		String b = unique("b") + ".com";
		WorkOsOrganization first = createWithDomain(a);
		WorkOsOrganization second = createWithDomain(b);
		createWithDomain(unique("c") + ".com");

		WorkOsOrganizationList list = this.client
			.listOrganizations(new ListOrganizationsRequest(List.of(a, b), null, 10, null, null, null))
			.block();

		assertThat(list.data()).extracting(WorkOsOrganization::id).containsExactlyInAnyOrder(first.id(), second.id());
	}

	@Test
	void aRepeatedIdempotencyKeyReturnsTheFirstOrganization() {
		String key = UUID.randomUUID().toString();
		CreateOrganizationRequest request = new CreateOrganizationRequest(unique("Once Corp"), null, null, null);

		WorkOsOrganization first = this.client.createOrganization(request, key).block();
		WorkOsOrganization again = this.client.createOrganization(request, key).block();

		assertThat(again).isEqualTo(first);
		assertThat(
				this.client.listOrganizations(new ListOrganizationsRequest(null, request.name(), 10, null, null, null))
					.block()
					.data())
			.hasSize(1);
	}

	@Test
	void parallelCreatesWithOneIdempotencyKeyMakeOneOrganization() {
		String key = UUID.randomUUID().toString();
		CreateOrganizationRequest request = new CreateOrganizationRequest(unique("Parallel Corp"), null, null, null);

		List<WorkOsOrganization> results = Flux.range(0, 16)
			.flatMap((i) -> this.client.createOrganization(request, key), 16)
			.collectList()
			.block();

		assertThat(results).extracting(WorkOsOrganization::id).containsOnly(results.get(0).id());
	}

	@Test
	void aDuplicateExternalIdIsABadRequestWithItsCode() {
		String externalId = unique("ext");
		this.client.createOrganization(new CreateOrganizationRequest("One", null, externalId, null), null).block();

		Throwable error = catchThrowable(
				() -> this.client.createOrganization(new CreateOrganizationRequest("Two", null, externalId, null), null)
					.block());

		assertThat(error).isInstanceOfSatisfying(WorkOsException.BadRequest.class, (badRequest) -> {
			assertThat(badRequest.code()).isEqualTo("external_id_already_used");
			assertThat(badRequest.requestId()).isNotBlank();
		});
	}

	@Test
	void aDomainHeldByAnotherOrganizationIsAConflict() {
		String domain = unique("taken") + ".com";
		createWithDomain(domain);

		Throwable error = catchThrowable(() -> createWithDomain(domain));

		assertThat(error).isInstanceOfSatisfying(WorkOsException.Conflict.class,
				(conflict) -> assertThat(conflict.upstreamMessage()).contains(domain));
	}

	@Test
	void metadataOverTheLimitsIsABadRequest() {
		Throwable error = catchThrowable(() -> create("Big Meta", Map.of("k", "v".repeat(601))));

		assertThat(error).isInstanceOfSatisfying(WorkOsException.BadRequest.class,
				(badRequest) -> assertThat(badRequest.code()).isEqualTo("invalid_metadata"));
	}

	@Test
	void aBlankNameIsUnprocessable() {
		Throwable error = catchThrowable(() -> create("   ", Map.of()));

		assertThat(error).isInstanceOf(WorkOsException.UnprocessableEntity.class);
	}

	@Test
	void anInvalidListLimitIsUnprocessable() {
		Throwable error = catchThrowable(
				() -> this.client.listOrganizations(new ListOrganizationsRequest(null, null, 500, null, null, null))
					.block());

		assertThat(error).isInstanceOf(WorkOsException.UnprocessableEntity.class);
	}

	@Test
	void aWrongKeyIsUnauthorized() {
		WorkOsEndpoint wrongKey = new WorkOsEndpoint(URI.create("http://127.0.0.1:" + this.port), "not_a_secret_key");
		WorkOsClient unauthorized = new WorkOsClient(WebClient.create(), () -> wrongKey, this.jsonMapper,
				java.time.Clock.systemUTC(), WorkOsResilience.none());

		Throwable error = catchThrowable(() -> unauthorized.listOrganizations(ListOrganizationsRequest.firstPage())
			.block(Duration.ofSeconds(5)));

		assertThat(error).isInstanceOf(WorkOsException.Unauthorized.class);
	}

	@Test
	void deletingAMissingOrganizationIsNotFound() {
		Throwable error = catchThrowable(
				() -> this.client.deleteOrganization("org_01EHZNVPK3SFK441A1RGBFSHRT").block());

		assertThat(error).isInstanceOf(WorkOsException.NotFound.class);
	}

	private WorkOsOrganization create(String name, Map<String, String> metadata) {
		return this.client.createOrganization(new CreateOrganizationRequest(name, null, null, metadata), null).block();
	}

	private WorkOsOrganization createWithDomain(String domain) {
		return this.client
			.createOrganization(new CreateOrganizationRequest("Domain " + domain,
					List.of(new DomainData(domain, DomainData.State.PENDING)), null, null), null)
			.block();
	}

	private static List<String> reversed(List<String> ids) {
		List<String> copy = new ArrayList<>(ids);
		java.util.Collections.reverse(copy);
		return copy;
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
