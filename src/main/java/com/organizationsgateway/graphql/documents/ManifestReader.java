package com.organizationsgateway.graphql.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads manifests in the two formats client tools write: Apollo's persisted query
 * manifest ({@code {"format":"apollo-persisted-query-manifest","version":1,"operations":
 * [{"id","body","name","type"}]}}, from Apollo Kotlin, Apollo iOS and
 * {@code @apollo/generate-persisted-query-manifest}) and a flat JSON map of ids to
 * documents (Relay, GraphQL Code Generator). A directory stands for its {@code *.json}
 * files.
 */
final class ManifestReader {

	static final String APOLLO_FORMAT = "apollo-persisted-query-manifest";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ManifestReader() {
	}

	/**
	 * The manifest files the configured paths stand for, each directory replaced by its
	 * {@code *.json} files in name order.
	 * @throws TrustedDocumentsException when a path does not exist or cannot be listed
	 */
	static List<Path> files(List<Path> paths) {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> listed = Files.list(path)) {
					listed.filter((file) -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
						.filter(Files::isRegularFile)
						.sorted(Comparator.comparing(Path::toString))
						.forEach(files::add);
				}
				catch (IOException ex) {
					throw new TrustedDocumentsException(List.of(path + ": cannot be listed (" + ex.getMessage() + ")"));
				}
			}
			else if (Files.isRegularFile(path)) {
				files.add(path);
			}
			else {
				throw new TrustedDocumentsException(List.of(path + ": no such file or directory"));
			}
		}
		return files;
	}

	/**
	 * Every entry of the files, in order.
	 * @throws TrustedDocumentsException naming each file that cannot be read as a
	 * manifest, and why
	 */
	static List<ManifestEntry> read(List<Path> files) {
		List<ManifestEntry> entries = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			try {
				entries.addAll(entries(file, JSON.readTree(file)));
			}
			catch (JacksonException ex) {
				problems.add(file + ": not JSON (" + ex.getOriginalMessage() + ")");
			}
			catch (IllegalArgumentException ex) {
				problems.add(file + ": " + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new TrustedDocumentsException(problems);
		}
		return entries;
	}

	private static List<ManifestEntry> entries(Path file, @Nullable JsonNode root) {
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("a manifest is a JSON object");
		}
		JsonNode format = root.get("format");
		if (format != null) {
			return apollo(file, root, format);
		}
		List<ManifestEntry> entries = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : root.properties()) {
			if (!property.getValue().isString()) {
				throw new IllegalArgumentException("neither an Apollo persisted query manifest (no \"format\") nor a "
						+ "map of ids to documents (the value of \"" + property.getKey() + "\" is not a string)");
			}
			entries.add(new ManifestEntry(property.getKey(), property.getValue().stringValue(), null, file));
		}
		return entries;
	}

	private static List<ManifestEntry> apollo(Path file, JsonNode root, JsonNode format) {
		if (!APOLLO_FORMAT.equals(format.asString(""))) {
			throw new IllegalArgumentException(
					"unknown format \"" + format.asString("") + "\"; expected \"" + APOLLO_FORMAT + "\"");
		}
		JsonNode version = root.get("version");
		if (version == null || !version.isNumber() || version.asInt() != 1) {
			throw new IllegalArgumentException(
					"unsupported version " + version + " of " + APOLLO_FORMAT + "; this gateway reads version 1");
		}
		JsonNode operations = root.get("operations");
		if (operations == null || !operations.isArray()) {
			throw new IllegalArgumentException("\"operations\" must be an array");
		}
		List<ManifestEntry> entries = new ArrayList<>();
		int index = 0;
		for (JsonNode operation : operations.values()) {
			JsonNode id = operation.get("id");
			JsonNode body = operation.get("body");
			if (id == null || !id.isString() || body == null || !body.isString()) {
				throw new IllegalArgumentException("operation " + index + " needs a string \"id\" and \"body\"");
			}
			JsonNode name = operation.get("name");
			entries.add(new ManifestEntry(id.stringValue(), body.stringValue(),
					(name != null && name.isString()) ? name.stringValue() : null, file));
			index++;
		}
		return entries;
	}

}
