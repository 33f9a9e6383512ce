package com.organizationsgateway;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A setting under its name from before the move to one {@code gateway.*} root stops the
 * gateway from starting, with the old and the new name, instead of being ignored.
 */
class RenamedSettingsCheckTest {

	private final RenamedSettingsCheck check = new RenamedSettingsCheck();

	@Test
	void anOldWorkOsKeyInAConfigFileStopsTheStartInsteadOfSwitchingToLocalMode() {
		StandardEnvironment environment = environment(
				new MapPropertySource("application-prod.yaml", Map.of("workos.api-key", "sk_live_old_name")));

		assertThatIllegalStateException().isThrownBy(() -> this.check.postProcessEnvironment(environment, null))
			.withMessageContaining(
					"workos.api-key is now gateway.workos.api-key (\"workos.api-key\" from property source \"application-prod.yaml\")")
			.withMessageNotContaining("sk_live_old_name");
	}

	@Test
	void everyOldNameFoundIsListed() {
		StandardEnvironment environment = environment(new MapPropertySource("file",
				Map.of("gateway.operation.timeout", "5s", "gateway.cache.maximum-size", "10",
						"gateway.graphql.response-cache.maximum-total-size", "1MB", "local-api.webhooks.max-attempts",
						"2", "gateway.subscriptions.buffer-size", "3")));

		assertThatIllegalStateException().isThrownBy(() -> this.check.postProcessEnvironment(environment, null))
			.withMessageContaining("gateway.operation.timeout is now gateway.graphql.limits.operation-timeout")
			.withMessageContaining("gateway.cache.maximum-size is now gateway.cache.max-size")
			.withMessageContaining(
					"gateway.graphql.response-cache.maximum-total-size is now gateway.graphql.response-cache.max-total-size")
			.withMessageContaining("local-api.webhooks.max-attempts is now gateway.local-api.webhooks.max-attempts")
			.withMessageContaining(
					"gateway.subscriptions.buffer-size is now gateway.graphql.subscriptions.buffer-size");
	}

	@Test
	void oldNamesAreFoundInTheirRelaxedForms() {
		StandardEnvironment environment = environment(
				new MapPropertySource("file", Map.of("workos.resilience.maxAttempts", "5")));

		assertThatIllegalStateException().isThrownBy(() -> this.check.postProcessEnvironment(environment, null))
			.withMessageContaining("workos.resilience.max-attempts is now gateway.workos.resilience.max-attempts");
	}

	@Test
	void anOldEnvironmentVariableIsNamedWithItsNewVariable() {
		StandardEnvironment environment = environment(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("LOCAL_API_SEED", "false")));

		assertThatIllegalStateException().isThrownBy(() -> this.check.postProcessEnvironment(environment, null))
			.withMessageContaining("local-api.seed is now gateway.local-api.seed")
			.withMessageContaining("LOCAL_API_SEED")
			.withMessageContaining("the variable is now GATEWAY_LOCALAPI_SEED");
	}

	@Test
	void theDocumentedWorkOsVariablesAndUnrelatedOnesAreNoOldNames() {
		StandardEnvironment environment = environment(
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("WORKOS_API_KEY", "sk_test_1", "WORKOS_API_BASE_URL", "http://127.0.0.1:9",
								"WORKOS_WEBHOOK_SECRET", "whsec_1", "WORKOS_CLIENT_ID", "client_1")));

		assertThatNoException().isThrownBy(() -> this.check.postProcessEnvironment(environment, null));
	}

	@Test
	void theGatewayRefusesToStartWithAnOldName() {
		Throwable refused = catchThrowable(() -> new SpringApplicationBuilder(OrganizationsGatewayApplication.class)
			.properties("server.port=0", "local-api.seed=false")
			.run()
			.close());

		assertThat(refused).isInstanceOf(RenamedSettingsException.class)
			.hasMessageContaining("local-api.seed is now gateway.local-api.seed");
	}

	@Test
	void theFailedStartListsOneSettingPerLineWithWhatToDo() {
		FailureAnalysis analysis = new RenamedSettingsFailureAnalyzer()
			.analyze(new RenamedSettingsException(List.of("a is now gateway.a (here)", "b is now gateway.b (there)")));

		assertThat(analysis.getDescription())
			.contains("\n    a is now gateway.a (here)\n    b is now gateway.b (there)");
		assertThat(analysis.getAction()).contains("docs/configuration.md");
	}

	@Test
	void everyNewNameIsASettingOfTheGateway() {
		assertThat(RenamedSettingsCheck.RENAMED.values())
			.allSatisfy((name) -> assertThat(name).startsWith("gateway.").doesNotContain("maximum-"));
	}

	private static StandardEnvironment environment(PropertySource<?> source) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(source);
		return environment;
	}

}
