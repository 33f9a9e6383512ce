package com.organizationsgateway.security;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Who may call without a credential, and the refusal to start a WorkOS gateway that
 * nobody guards.
 */
class AccessModeTest {

	@Test
	void localModeWithoutAuthenticationIsOpenToLoopbackClientsOnly() {
		AccessMode mode = AccessModes.choose(false, false, false);

		assertThat(mode).isEqualTo(AccessMode.OPEN_TO_LOOPBACK);
		assertThat(mode.admitsAnonymous(from("127.0.0.1"))).isTrue();
		assertThat(mode.admitsAnonymous(from("::1"))).isTrue();
		assertThat(mode.admitsAnonymous(from("203.0.113.7"))).isFalse();
		assertThat(mode.admitsAnonymous(from("10.0.0.2"))).isFalse();
	}

	@Test
	void aForwardedHeaderDoesNotMakeARemoteClientLocal() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/graphql")
			.header("X-Forwarded-For", "127.0.0.1")
			.header("Forwarded", "for=127.0.0.1")
			.remoteAddress(new InetSocketAddress("203.0.113.7", 4711)));

		assertThat(AccessMode.OPEN_TO_LOOPBACK.admitsAnonymous(exchange)).isFalse();
	}

	@Test
	void configuredAuthenticationRequiresACredentialEvenInLocalMode() {
		assertThat(AccessModes.choose(true, false, false)).isEqualTo(AccessMode.CREDENTIALS_REQUIRED);
		assertThat(AccessModes.choose(true, false, true)).isEqualTo(AccessMode.CREDENTIALS_REQUIRED);
		assertThat(AccessMode.CREDENTIALS_REQUIRED.admitsAnonymous(from("127.0.0.1"))).isFalse();
	}

	@Test
	void workOsModeWithoutAuthenticationRefusesToStart() {
		assertThatIllegalStateException().isThrownBy(() -> AccessModes.choose(false, false, true))
			.withMessageContaining("gateway.security.allow-unauthenticated=true")
			.withMessageContaining("gateway.security.api-keys")
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
	}

	@Test
	void allowUnauthenticatedOpensToAnyone() {
		assertThat(AccessModes.choose(false, true, true)).isEqualTo(AccessMode.OPEN);
		assertThat(AccessMode.OPEN.admitsAnonymous(from("203.0.113.7"))).isTrue();
	}

	private static MockServerWebExchange from(String address) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.post("/graphql").remoteAddress(new InetSocketAddress(address, 4711)));
	}

}
