package com.organizationsgateway.local;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With seeding on, the docs' Foo Corp and the other examples are there at startup, oldest
 * first in creation order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.local-api.seed=true", "gateway.workos.api-key=" })
class SeededLocalApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper jsonMapper;

	@Test
	void fooCorpAndFriendsAreSeeded() {
		LocalApi api = new LocalApi(this.port, this.jsonMapper);
		JsonNode fooCorp = api.getOk("/organizations?domains=foo-corp.com").get("data").get(0);
		assertThat(fooCorp.get("name").stringValue()).isEqualTo("Foo Corp");
		assertThat(fooCorp.get("domains").get(0).get("state").stringValue()).isEqualTo("verified");
		JsonNode all = api.getOk("/organizations?order=asc&limit=100");
		assertThat(all.get("data").size()).isEqualTo(LocalApiSeeder.drafts().size());
		assertThat(all.get("data").get(0).get("name").stringValue()).isEqualTo("Foo Corp");
		JsonNode acme = api.getOk("/organizations/external_id/acme-0001");
		assertThat(acme.get("metadata").get("tier").stringValue()).isEqualTo("enterprise");
		assertThat(api.getOk("/organizations?search=stark").get("data").get(0).get("stripe_customer_id").stringValue())
			.startsWith("cus_");
	}

}
