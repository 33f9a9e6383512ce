package com.organizationsgateway.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /organizations}: paging both ways to completeness, {@code before} semantics,
 * filters and validation. Each test lists only its own organizations through a unique
 * {@code search} token.
 */
class ListOrganizationsTests extends LocalApiTestSupport {

	@Test
	void pagingForwardAndBackwardVisitsEveryOrganizationOnce() {
		String token = LocalApi.unique();
		List<String> created = createMany(token, 23);
		List<String> newestFirst = new ArrayList<>(created);
		Collections.reverse(newestFirst);
		for (int limit : new int[] { 1, 5, 7, 10, 22, 23, 100 }) {
			assertWalks(token, "asc", limit, created);
			assertWalks(token, "desc", limit, newestFirst);
			assertWalks(token, "normal", limit, newestFirst);
		}
	}

	@Test
	void defaultsAreLimit10AndNewestFirst() {
		String token = LocalApi.unique();
		List<String> created = createMany(token, 12);
		JsonNode page = this.api.getOk("/organizations?search=" + token);
		assertThat(LocalApi.ids(page)).isEqualTo(reversed(created).subList(0, 10));
		assertThat(page.get("object").stringValue()).isEqualTo("list");
		assertThat(page.get("list_metadata").get("before").isNull()).isTrue();
		assertThat(page.get("list_metadata").get("after").stringValue()).isEqualTo(created.get(2));
	}

	@Test
	void beforeReturnsTheItemsJustBeforeTheCursor() {
		String token = LocalApi.unique();
		List<String> created = createMany(token, 23);
		JsonNode asc = this.api
			.getOk("/organizations?order=asc&limit=5&search=" + token + "&before=" + created.get(12));
		assertThat(LocalApi.ids(asc)).isEqualTo(created.subList(7, 12));
		assertThat(asc.get("list_metadata").get("before").stringValue()).isEqualTo(created.get(7));
		assertThat(asc.get("list_metadata").get("after").stringValue()).isEqualTo(created.get(11));
		JsonNode desc = this.api
			.getOk("/organizations?order=desc&limit=5&search=" + token + "&before=" + created.get(12));
		assertThat(LocalApi.ids(desc)).isEqualTo(reversed(created.subList(13, 18)));
		JsonNode nearStart = this.api
			.getOk("/organizations?order=asc&limit=5&search=" + token + "&before=" + created.get(2));
		assertThat(LocalApi.ids(nearStart)).isEqualTo(created.subList(0, 2));
		assertThat(nearStart.get("list_metadata").get("before").isNull()).isTrue();
	}

	@Test
	void normalOrderIsNewestFirstWithBeforeFetchingOlder() {
		String token = LocalApi.unique();
		List<String> created = createMany(token, 9);
		JsonNode older = this.api
			.getOk("/organizations?order=normal&limit=3&search=" + token + "&before=" + created.get(5));
		assertThat(LocalApi.ids(older)).isEqualTo(List.of(created.get(4), created.get(3), created.get(2)));
		JsonNode newer = this.api
			.getOk("/organizations?order=normal&limit=3&search=" + token + "&after=" + created.get(5));
		assertThat(LocalApi.ids(newer)).isEqualTo(List.of(created.get(8), created.get(7), created.get(6)));
	}

	@Test
	void aDeletedCursorStillMarksItsPlace() {
		String token = LocalApi.unique();
		List<String> created = createMany(token, 10);
		this.api.client.delete().uri("/organizations/{id}", created.get(4)).exchange().expectStatus().isAccepted();
		JsonNode after = this.api
			.getOk("/organizations?order=asc&limit=3&search=" + token + "&after=" + created.get(4));
		assertThat(LocalApi.ids(after)).isEqualTo(created.subList(5, 8));
		JsonNode before = this.api
			.getOk("/organizations?order=asc&limit=3&search=" + token + "&before=" + created.get(4));
		assertThat(LocalApi.ids(before)).isEqualTo(created.subList(1, 4));
	}

	@Test
	void domainsFilterAcceptsEveryEncodingWithOrSemantics() {
		String token = LocalApi.unique();
		String a = createWithDomain("a-" + token + ".com");
		String b = createWithDomain("b-" + token + ".com");
		String c = createWithDomain("c-" + token + ".com");
		assertThat(LocalApi
			.ids(this.api.getOk("/organizations?order=asc&domains=a-" + token + ".com,b-" + token + ".com")))
			.containsExactly(a, b);
		assertThat(LocalApi
			.ids(this.api.getOk("/organizations?order=asc&domains=a-" + token + ".com%2Cc-" + token + ".com")))
			.containsExactly(a, c);
		assertThat(LocalApi
			.ids(this.api.getOk("/organizations?order=asc&domains=b-" + token + ".com&domains=c-" + token + ".com")))
			.containsExactly(b, c);
		assertThat(LocalApi.ids(this.api.getOk("/organizations?order=asc&domains%5B%5D=a-" + token
				+ ".com&domains%5B%5D=C-" + token.toUpperCase() + ".COM")))
			.containsExactly(a, c);
		assertThat(LocalApi.ids(this.api.getOk("/organizations?domains=nobody-" + token + ".com"))).isEmpty();
	}

	@Test
	void searchMatchesNameSubstringsIgnoringCase() {
		String token = LocalApi.unique();
		String id = this.api.create("{\"name\":\"Needle " + token + " Haystack\"}").get("id").stringValue();
		this.api.create("{\"name\":\"Other " + LocalApi.unique() + "\"}");
		assertThat(LocalApi.ids(this.api.getOk("/organizations?search=EDLE%20" + token.toUpperCase())))
			.containsExactly(id);
	}

	@Test
	void filtersApplyBeforePaging() {
		String token = LocalApi.unique();
		List<String> created = createMany(token, 4);
		this.api.create("{\"name\":\"Unrelated " + LocalApi.unique() + "\"}");
		JsonNode page = this.api.getOk("/organizations?order=asc&limit=4&search=" + token);
		assertThat(LocalApi.ids(page)).isEqualTo(created);
		assertThat(page.get("list_metadata").get("after").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=101", "limit=abc", "limit=", "limit=1.5", "order=sideways",
			"order=ASCENDING", "after=garbage", "before=org_123", "after=org_01ehwnce74x7jsdv0x3sz3kjny",
			"after=user_01EHWNCE74X7JSDV0X3SZ3KJNY",
			"before=org_01EHWNCE74X7JSDV0X3SZ3KJNY&after=org_01EHWNCE74X7JSDV0X3SZ3KJNY" })
	void invalidParametersAre422(String query) {
		this.api.get("/organizations?" + query)
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_request_parameters")
			.jsonPath("$.message")
			.isNotEmpty();
	}

	private void assertWalks(String token, String order, int limit, List<String> expected) {
		String forward = order.equals("normal") ? "before" : "after";
		String backward = order.equals("normal") ? "after" : "before";
		String query = "/organizations?order=" + order + "&limit=" + limit + "&search=" + token;
		List<String> seen = new ArrayList<>();
		JsonNode page = this.api.getOk(query);
		assertThat(LocalApi.text(page.get("list_metadata").get(backward))).isNull();
		seen.addAll(LocalApi.ids(page));
		String cursor = LocalApi.text(page.get("list_metadata").get(forward));
		while (cursor != null) {
			page = this.api.getOk(query + "&" + forward + "=" + cursor);
			seen.addAll(LocalApi.ids(page));
			cursor = LocalApi.text(page.get("list_metadata").get(forward));
			assertThat(seen.size()).isLessThanOrEqualTo(expected.size());
		}
		assertThat(seen).as(order + " forward, limit " + limit).isEqualTo(expected);
		assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
		List<String> back = new ArrayList<>(LocalApi.ids(page));
		cursor = LocalApi.text(page.get("list_metadata").get(backward));
		while (cursor != null) {
			page = this.api.getOk(query + "&" + backward + "=" + cursor);
			assertThat(LocalApi.ids(page)).hasSize(limit);
			back.addAll(0, LocalApi.ids(page));
			cursor = LocalApi.text(page.get("list_metadata").get(backward));
			assertThat(back.size()).isLessThanOrEqualTo(expected.size());
		}
		assertThat(back).as(order + " backward, limit " + limit).isEqualTo(expected);
	}

	private List<String> createMany(String token, int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(this.api.create("{\"name\":\"Paged " + token + " " + i + "\"}").get("id").stringValue());
		}
		return ids;
	}

	private String createWithDomain(String domain) {
		return this.api
			.create("{\"name\":\"Dom\",\"domain_data\":[{\"domain\":\"" + domain + "\",\"state\":\"pending\"}]}")
			.get("id")
			.stringValue();
	}

	private static List<String> reversed(List<String> ids) {
		List<String> copy = new ArrayList<>(ids);
		Collections.reverse(copy);
		return copy;
	}

}
