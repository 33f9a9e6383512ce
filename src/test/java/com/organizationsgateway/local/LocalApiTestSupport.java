package com.organizationsgateway.local;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the whole app on a random port in local mode without seed data; the test classes
 * extending it share one context. Tests never rely on each other: each uses unique names,
 * domains and external ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.local-api.seed=false", "gateway.workos.api-key=" })
abstract class LocalApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper jsonMapper;

	LocalApi api;

	@BeforeEach
	void createClient() {
		this.api = new LocalApi(this.port, this.jsonMapper);
	}

}
