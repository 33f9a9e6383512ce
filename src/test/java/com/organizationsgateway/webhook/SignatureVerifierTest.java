package com.organizationsgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.organizationsgateway.webhook.SignatureVerifier.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature check as a table, anchored on a vector computed outside Java.
 */
class SignatureVerifierTest {

	private static final String SECRET = "whsec_test_vector";

	private static final long T = 1767225600000L;

	private static final String BODY = "{\"id\":\"event_01EHZNVPK3SFK441A1RGBFSHRT\",\"event\":\"organization.updated\"}";

	/**
	 * Computed once with OpenSSL 3.0, not at build time: {@code printf '%s'
	 * '1767225600000.{"id":"event_01EHZNVPK3SFK441A1RGBFSHRT","event":"organization.updated"}'
	 * | openssl dgst -sha256 -hmac 'whsec_test_vector'}.
	 */
	private static final String OPENSSL_V1 = "fbe52716fb894cad48b6ca533b9b5822f27688ee3e1c4ce57eeebe90776bc4e8";

	private static final String OTHER_V1 = "0".repeat(64);

	record Case(String name, @Nullable String header, String body, long now, Verdict verdict) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<Case> cases() {
		return List.of(new Case("the OpenSSL vector", "t=" + T + ", v1=" + OPENSSL_V1, BODY, T, Verdict.VALID),
				new Case("no spaces", "t=" + T + ",v1=" + OPENSSL_V1, BODY, T, Verdict.VALID),
				new Case("extra spaces", " t = " + T + " ,  v1 = " + OPENSSL_V1 + " ", BODY, T, Verdict.VALID),
				new Case("upper-case hex", "t=" + T + ", v1=" + OPENSSL_V1.toUpperCase(), BODY, T, Verdict.VALID),
				new Case("v1 first", "v1=" + OPENSSL_V1 + ", t=" + T, BODY, T, Verdict.VALID),
				new Case("several v1, one matching",
						"t=" + T + ", v1=" + OTHER_V1 + ", v1=" + OPENSSL_V1 + ", v1=" + OTHER_V1, BODY, T,
						Verdict.VALID),
				new Case("unknown parts skipped", "t=" + T + ", v0=abc, v1=" + OPENSSL_V1 + ", x", BODY, T,
						Verdict.VALID),
				new Case("179 s old", "t=" + T + ", v1=" + OPENSSL_V1, BODY, T + 179_000, Verdict.VALID),
				new Case("179 s ahead", "t=" + T + ", v1=" + OPENSSL_V1, BODY, T - 179_000, Verdict.VALID),
				new Case("181 s old", "t=" + T + ", v1=" + OPENSSL_V1, BODY, T + 181_000, Verdict.OUTSIDE_TOLERANCE),
				new Case("181 s ahead", "t=" + T + ", v1=" + OPENSSL_V1, BODY, T - 181_000, Verdict.OUTSIDE_TOLERANCE),
				new Case("no header", null, BODY, T, Verdict.MISSING),
				new Case("empty header", "", BODY, T, Verdict.MALFORMED),
				new Case("garbage", "garbage", BODY, T, Verdict.MALFORMED),
				new Case("no timestamp", "v1=" + OPENSSL_V1, BODY, T, Verdict.MALFORMED),
				new Case("no signature", "t=" + T, BODY, T, Verdict.MALFORMED),
				new Case("timestamp not a number", "t=soon, v1=" + OPENSSL_V1, BODY, T, Verdict.MALFORMED),
				new Case("two timestamps", "t=" + T + ", t=" + T + ", v1=" + OPENSSL_V1, BODY, T, Verdict.MALFORMED),
				new Case("signature too short", "t=" + T + ", v1=" + OPENSSL_V1.substring(2), BODY, T,
						Verdict.MALFORMED),
				new Case("signature not hex", "t=" + T + ", v1=" + "zz" + OPENSSL_V1.substring(2), BODY, T,
						Verdict.MALFORMED),
				new Case("seconds, not milliseconds", "t=" + (T / 1000) + ", v1=" + OPENSSL_V1, BODY, T,
						Verdict.MISMATCH),
				new Case("another timestamp", "t=" + (T + 1) + ", v1=" + OPENSSL_V1, BODY, T + 1, Verdict.MISMATCH),
				new Case("tampered body", "t=" + T + ", v1=" + OPENSSL_V1, BODY.replace("updated", "deleted"), T,
						Verdict.MISMATCH),
				new Case("body re-serialised", "t=" + T + ", v1=" + OPENSSL_V1, BODY.replace(",", ", "), T,
						Verdict.MISMATCH),
				new Case("wrong signature", "t=" + T + ", v1=" + OTHER_V1, BODY, T, Verdict.MISMATCH),
				new Case("stale and wrong", "t=" + T + ", v1=" + OTHER_V1, BODY, T + 3_600_000, Verdict.MISMATCH),
				new Case("huge header", "t=" + T + ", v1=" + OPENSSL_V1 + ", x=" + "a".repeat(2000), BODY, T,
						Verdict.MALFORMED));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void verifies(Case c) {
		SignatureVerifier verifier = new SignatureVerifier(SECRET, Duration.ofSeconds(180),
				Clock.fixed(Instant.ofEpochMilli(c.now()), ZoneOffset.UTC));

		assertThat(verifier.verify(c.header(), c.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(c.verdict());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void anotherSecretNeverVerifies(Case c) {
		SignatureVerifier verifier = new SignatureVerifier("whsec_other", Duration.ofSeconds(180),
				Clock.fixed(Instant.ofEpochMilli(c.now()), ZoneOffset.UTC));

		assertThat(verifier.verify(c.header(), c.body().getBytes(StandardCharsets.UTF_8))).isNotEqualTo(Verdict.VALID)
			.isNotEqualTo(Verdict.OUTSIDE_TOLERANCE);
	}

	@Test
	void theTestsOwnSignerAgreesWithTheVector() {
		assertThat(TestSignatures.header(SECRET, T, BODY.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("t=" + T + ", v1=" + OPENSSL_V1);
	}

}
