package com.organizationsgateway.local;

import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a WorkOS key configured the local API is off: no beans and no routes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.workos.api-key=sk_test_x",
				// WorkOS mode refuses to start unguarded; this test is about the local
				// API only
				"gateway.security.allow-unauthenticated=true" })
class RemoteModeTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aWorkOsKeyTurnsTheLocalApiOff() {
		assertThat(this.context.getBeanNamesForType(LocalApiConfiguration.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(LocalOrganizationStore.class)).isEmpty();
		TestClients.to("http://localhost:" + this.port)
			.get()
			.uri("/organizations")
			.header(HttpHeaders.AUTHORIZATION, LocalApi.KEY)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
