package com.organizationsgateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} against what the build generates from the settings
 * records: every setting listed with its default, every renamed one with its new name,
 * and the environment variable forms it shows actually read.
 */
class ConfigurationDocsTest {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	@Test
	void everySettingIsDocumentedWithItsDefault() throws IOException {
		String docs = Files.readString(Path.of("docs/configuration.md"));
		JsonNode properties = JsonMapper.builder().build().readTree(METADATA.toFile()).get("properties");

		assertThat(properties.size()).isGreaterThan(50);
		for (JsonNode property : properties) {
			String name = property.get("name").asString();
			assertThat(name).startsWith("gateway.").doesNotContain("maximum-");
			assertThat(property.hasNonNull("description")).as("description of " + name).isTrue();
			JsonNode defaultValue = property.get("defaultValue");
			String row = "| `" + name + "` |";
			assertThat(docs).as(name).contains(row);
			if (defaultValue != null) {
				String line = docs.lines().filter((candidate) -> candidate.startsWith(row)).findFirst().orElseThrow();
				assertThat(line).as(name).contains("`" + defaultValue.asString() + "`");
			}
		}
	}

	@Test
	void everyRenamedSettingIsDocumentedWithItsNewName() throws IOException {
		String docs = Files.readString(Path.of("docs/configuration.md"));

		RenamedSettingsCheck.RENAMED.forEach((oldName, newName) -> {
			boolean listed = docs.contains("| `" + oldName + "` | `" + newName + "` |");
			boolean grouped = Stream.of("workos.resilience.", "local-api.webhooks.")
				.anyMatch((group) -> oldName.startsWith(group) && newName.equals("gateway." + oldName)
						&& docs.contains("| `" + group + "*` | `gateway." + group + "*`"));
			assertThat(listed || grouped).as(oldName + " in the table of renamed settings").isTrue();
		});
	}

	@Test
	void environmentVariablesReadWithOrWithoutUnderscoresForDashes() {
		for (String variable : new String[] { "GATEWAY_CACHE_MAXSIZE", "GATEWAY_CACHE_MAX_SIZE" }) {
			StandardEnvironment environment = new StandardEnvironment();
			// Spring Boot maps variable names only for the source of this name.
			String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
			environment.getPropertySources()
				.replace(name, new SystemEnvironmentPropertySource(name,
						Map.of(variable, "123", "GATEWAY_GRAPHQL_RESPONSE_CACHE_MAX_TOTAL_SIZE", "2MB")));
			ConfigurationPropertySources.attach(environment);
			Binder binder = Binder.get(environment);

			assertThat(binder.bind("gateway.cache.max-size", Long.class).get()).as(variable).isEqualTo(123L);
			assertThat(binder.bind("gateway.graphql.response-cache.max-total-size", DataSize.class).get())
				.isEqualTo(DataSize.ofMegabytes(2));
		}
	}

}
