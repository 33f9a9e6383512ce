package com.organizationsgateway.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uniqueness and {@code Idempotency-Key} under concurrent requests, and the replay rules
 * of idempotent creates.
 */
class ConcurrencyAndIdempotencyTests extends LocalApiTestSupport {

	@Test
	void parallelCreatesWithOneExternalIdCreateExactlyOne() {
		String token = LocalApi.unique();
		List<Answer> answers = parallelCreates(20,
				"{\"name\":\"Race " + token + "\",\"external_id\":\"race-" + token + "\"}", (i) -> null);
		Map<Integer, Long> byStatus = answers.stream()
			.collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
		assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 400, 19L));
		assertThat(answers.stream().filter((answer) -> answer.status() == 400))
			.allMatch((answer) -> answer.body().contains("external_id_already_used"));
		assertThat(LocalApi.ids(this.api.getOk("/organizations?search=" + token))).hasSize(1);
	}

	@Test
	void parallelCreatesWithOneDomainCreateExactlyOne() {
		String token = LocalApi.unique();
		List<Answer> answers = parallelCreates(20, "{\"name\":\"Race " + token
				+ "\",\"domain_data\":[{\"domain\":\"race-" + token + ".com\",\"state\":\"verified\"}]}", (i) -> null);
		assertThat(answers.stream().filter((answer) -> answer.status() == 201)).hasSize(1);
		assertThat(answers.stream().filter((answer) -> answer.status() == 409)).hasSize(19);
	}

	@Test
	void parallelCreatesWithOneIdempotencyKeyCreateOneOrganization() {
		String token = LocalApi.unique();
		String key = UUID.randomUUID().toString();
		List<Answer> answers = parallelCreates(20, "{\"name\":\"Idem " + token + "\"}", (i) -> key);
		assertThat(answers).allMatch((answer) -> answer.status() == 201);
		assertThat(answers.stream().map(Answer::body).distinct()).hasSize(1);
		assertThat(LocalApi.ids(this.api.getOk("/organizations?search=" + token))).hasSize(1);
	}

	@Test
	void aRepeatedKeyReplaysTheSameBytesAndAnotherBodyIsRefused() {
		String token = LocalApi.unique();
		String key = "key-" + token;
		byte[] first = createWithKey(key, "{\"name\":\"Replay " + token + "\",\"metadata\":{\"a\":\"1\"}}")
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody();
		// same JSON, other key order and spacing
		byte[] second = createWithKey(key, "{ \"metadata\" : {\"a\":\"1\"}, \"name\" : \"Replay " + token + "\" }")
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(second).isEqualTo(first);
		createWithKey(key, "{\"name\":\"Different " + token + "\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("idempotency_key_reused");
		assertThat(LocalApi.ids(this.api.getOk("/organizations?search=" + token))).hasSize(1);
		// another key makes another organization
		createWithKey("other-" + token, "{\"name\":\"Replay " + token + "\",\"metadata\":{\"a\":\"1\"}}").expectStatus()
			.isCreated();
		assertThat(LocalApi.ids(this.api.getOk("/organizations?search=" + token))).hasSize(2);
	}

	@Test
	void aFailedCreateIsNotRememberedAgainstItsKey() {
		String token = LocalApi.unique();
		String key = "retry-" + token;
		this.api.create("{\"name\":\"Holder\",\"external_id\":\"retry-" + token + "\"}");
		String body = "{\"name\":\"Retry " + token + "\",\"external_id\":\"retry-" + token + "\"}";
		createWithKey(key, body).expectStatus().isBadRequest();
		String holder = this.api.getOk("/organizations/external_id/retry-" + token).get("id").stringValue();
		this.api.put(holder, "{\"external_id\":null}").expectStatus().isOk();
		createWithKey(key, body).expectStatus().isCreated();
		createWithKey(key, "{\"name\":\"\"}").expectStatus().isBadRequest();
	}

	private WebTestClient.ResponseSpec createWithKey(String key, String json) {
		return this.api.client.post()
			.uri("/organizations")
			.header(CreateOrganizationHandler.IDEMPOTENCY_KEY, key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private List<Answer> parallelCreates(int count, String json, Function<Integer, String> idempotencyKey) {
		WebClient client = WebClient.builder()
			.baseUrl(this.api.baseUrl)
			.defaultHeader(HttpHeaders.AUTHORIZATION, LocalApi.KEY)
			.build();
		return Flux.range(0, count).flatMap((i) -> {
			WebClient.RequestBodySpec request = client.post().uri("/organizations");
			String key = idempotencyKey.apply(i);
			if (key != null) {
				request = request.header(CreateOrganizationHandler.IDEMPOTENCY_KEY, key);
			}
			return request.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(json)
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> new Answer(response.statusCode().value(), body)));
		}, count).collectList().block(Duration.ofSeconds(30));
	}

	/** One response of a parallel create. */
	record Answer(int status, String body) {
	}

}
