package com.organizationsgateway.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.organizationsgateway.workos.StubWorkOsServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An identity provider in a few lines: an RSA key generated for the test run, its JWK
 * set, and signed tokens with chosen issuer, scopes and expiry.
 */
final class TestJwts {

	static final String ISSUER = "https://idp.test.invalid/";

	private final RSAKey key;

	TestJwts() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String jwkSetJson() {
		return new JWKSet(this.key.toPublicJWK()).toString();
	}

	/**
	 * Serves the JWK set from {@code jwks} and points the gateway at it, as the issuer of
	 * the tokens it should accept.
	 */
	void serveAndTrust(StubWorkOsServer jwks, DynamicPropertyRegistry registry) {
		jwks.respond(StubWorkOsServer.StubResponse.json(200, jwkSetJson()));
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> jwks.baseUrl() + "/jwks");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
	}

	String token(String issuer, List<String> scopes, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("user-42")
			.issueTime(Date.from(expiresAt.minusSeconds(3600)))
			.expirationTime(Date.from(expiresAt))
			.claim("scope", String.join(" ", scopes))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String valid(String... scopes) {
		return token(ISSUER, List.of(scopes), Instant.now().plusSeconds(600));
	}

}
