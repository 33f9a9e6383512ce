package com.organizationsgateway.local;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.organizationsgateway.NodeTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official WorkOS Node SDK ({@code @workos-inc/node}, pinned in
 * {@code node-sdk/package-lock.json}) drives the local API's organization domains
 * unchanged: {@code node-sdk/organization-domains.test.mjs} runs under Node's test runner
 * against this app. Node.js is needed; skip with {@code -Dnode-sdk.skip=true}.
 */
@DisabledIfSystemProperty(named = "node-sdk.skip", matches = "true",
		disabledReason = "-Dnode-sdk.skip=true: the WorkOS Node SDK is not run")
class WorkOsNodeSdkTests extends LocalApiTestSupport {

	private static final Path NODE_SDK = Path.of("node-sdk");

	private static final String SKIP = "node-sdk.skip";

	@Test
	void theNodeSdkCreatesReadsVerifiesAndDeletesDomains() throws Exception {
		NodeTools.installIfNeeded(NODE_SDK, "node_modules/@workos-inc/node/package.json", SKIP);

		int exit = NodeTools.run(NODE_SDK, 5, Map.of("LOCAL_API_URL", "http://127.0.0.1:" + this.port), SKIP, "node",
				"--test", "--test-reporter=spec", "organization-domains.test.mjs");

		assertThat(exit).as("node --test's exit code; its report is above").isZero();
	}

}
