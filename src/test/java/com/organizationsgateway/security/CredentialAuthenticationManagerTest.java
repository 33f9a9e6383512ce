package com.organizationsgateway.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import com.organizationsgateway.security.GatewaySecurityProperties.ApiKey;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Telling API keys from JWTs, and failing as "invalid token" rather than as a server
 * error, whatever goes wrong.
 */
class CredentialAuthenticationManagerTest {

	private static final ApiKey READER = new ApiKey("reader", TestApiKeys.sha256("reader-key").toUpperCase(),
			Set.of(Scopes.READ));

	@Test
	void anApiKeyIsKnownByItsHashAndKeepsOnlyItsName() {
		CredentialAuthenticationManager manager = new CredentialAuthenticationManager(new ApiKeys(List.of(READER)),
				null);

		StepVerifier.create(manager.authenticate(new BearerTokenAuthenticationToken("reader-key")))
			.assertNext((authentication) -> {
				assertThat(authentication.getName()).isEqualTo("reader");
				assertThat(authentication.getCredentials()).isNull();
				assertThat(Scopes.of(authentication.getAuthorities())).containsExactly(Scopes.READ);
			})
			.verifyComplete();
	}

	@Test
	void anUnknownTokenIsInvalidWithOrWithoutJwtMode() {
		CredentialAuthenticationManager manager = new CredentialAuthenticationManager(new ApiKeys(List.of(READER)),
				(token) -> Mono.error(new IllegalStateException("not called")));

		StepVerifier.create(manager.authenticate(new BearerTokenAuthenticationToken("reader-key-2")))
			.expectError(InvalidBearerTokenException.class)
			.verify();
	}

	@Test
	void anUnreachableIdentityProviderMakesTheTokenInvalidNotTheServerFail() {
		CredentialAuthenticationManager manager = new CredentialAuthenticationManager(new ApiKeys(List.of()),
				(token) -> Mono.error(new IllegalStateException("Could not obtain the keys")));

		StepVerifier.create(manager.authenticate(new BearerTokenAuthenticationToken("a.b.c")))
			.expectError(InvalidBearerTokenException.class)
			.verify();
	}

	@Test
	void aKeyPastedInsteadOfItsHashIsRefusedWithoutRepeatingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiKey("oops", "my-secret-key-value", Set.of(Scopes.READ)))
			.withMessageContaining("'oops'")
			.withMessageNotContaining("my-secret-key-value");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiKey("typo", TestApiKeys.sha256("k"), Set.of("organizations:admin")))
			.withMessageContaining("unknown scope");
	}

}
