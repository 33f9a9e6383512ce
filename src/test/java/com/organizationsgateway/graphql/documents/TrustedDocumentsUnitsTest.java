package com.organizationsgateway.graphql.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.organizationsgateway.TestProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parts of the trusted documents that need no gateway: reading both manifest formats,
 * ids in their forms, canonical texts, client tags and the default mode.
 */
class TrustedDocumentsUnitsTest {

	@TempDir
	Path directory;

	@Test
	void readsApollosManifestAndAFlatMapAndADirectoryOfThem() throws IOException {
		Path apollo = write("a.json", "{\"format\":\"apollo-persisted-query-manifest\",\"version\":1,\"operations\":"
				+ "[{\"id\":\"abc\",\"name\":\"A\",\"type\":\"query\",\"body\":\"{ a }\"}]}");
		Path flat = write("b.json", "{\"sha256:123\": \"{ b }\", \"relay-1\": \"{ c }\"}");
		write("notes.txt", "not a manifest");

		List<ManifestEntry> entries = ManifestReader.read(ManifestReader.files(List.of(this.directory)));

		assertThat(entries).containsExactly(new ManifestEntry("abc", "{ a }", "A", apollo),
				new ManifestEntry("sha256:123", "{ b }", null, flat),
				new ManifestEntry("relay-1", "{ c }", null, flat));
	}

	@Test
	void namesEachFileThatIsNoManifestAndWhy() throws IOException {
		Path other = write("other.json", "{\"format\":\"relay\",\"version\":1}");
		Path newer = write("newer.json", "{\"format\":\"apollo-persisted-query-manifest\",\"version\":2}");
		Path nested = write("nested.json", "{\"id\": {\"body\": \"{ a }\"}}");
		Path broken = write("broken.json", "{\"id\": ");

		assertThatThrownBy(() -> ManifestReader.read(List.of(other, newer, nested, broken))).isInstanceOfSatisfying(
				TrustedDocumentsException.class,
				(ex) -> assertThat(ex.problems()).satisfiesExactly(
						(problem) -> assertThat(problem).startsWith(other + ": unknown format \"relay\""),
						(problem) -> assertThat(problem).startsWith(newer + ": unsupported version 2"),
						(problem) -> assertThat(problem)
							.startsWith(nested + ": neither an Apollo persisted query manifest"),
						(problem) -> assertThat(problem).startsWith(broken + ": not JSON")));
		assertThatThrownBy(() -> ManifestReader.files(List.of(this.directory.resolve("missing.json"))))
			.hasMessageContaining("missing.json: no such file or directory");
	}

	@Test
	void sha256IdsFindTheSameDocumentPrefixedOrBareInAnyCaseAndOtherIdsAsTheyAre() {
		String hex = Sha256.hex("{ a }");

		assertThat(DocumentIds.key("sha256:" + hex)).isEqualTo(hex);
		assertThat(DocumentIds.key("SHA256:" + hex.toUpperCase())).isEqualTo(hex);
		assertThat(DocumentIds.key(hex.toUpperCase())).isEqualTo(hex);
		assertThat(DocumentIds.key("x-app:Ab1")).isEqualTo("x-app:Ab1");
		assertThat(DocumentIds.key("5d41402abc4b2a76b9719d911017c592")).isEqualTo("5d41402abc4b2a76b9719d911017c592");
		assertThat(DocumentIds.claimsSha256(hex)).isTrue();
		assertThat(DocumentIds.claimsSha256("sha256:anything")).isTrue();
		assertThat(DocumentIds.claimsSha256("5d41402abc4b2a76b9719d911017c592")).isFalse();
	}

	@Test
	void canonicalTextIgnoresLayoutCommentsCommasAndDefinitionOrderButNotMeaning() {
		String listed = "query Q($id: ID!) {\n  organization(id: $id) {\n    ...F\n  }\n}\n\nfragment F on Organization {\n  id\n  name\n}";
		String reshaped = "fragment F on Organization { id, name } # the fields\nquery Q($id:ID!){organization(id:$id){...F}}";
		String otherField = "query Q($id: ID!) { organization(id: $id) { ...F } } fragment F on Organization { id }";

		assertThat(CanonicalText.of(Parser.parse(reshaped))).isEqualTo(CanonicalText.of(Parser.parse(listed)));
		assertThat(CanonicalText.of(Parser.parse(otherField))).isNotEqualTo(CanonicalText.of(Parser.parse(listed)));
	}

	@Test
	void clientTagsAreConfiguredNamesOrTheFirstNamesSeenThenOther() {
		ClientNames configured = new ClientNames(Set.of("ios-app"), 20);
		ClientNames capped = new ClientNames(Set.of(), 2);

		assertThat(configured.tag("ios-app")).isEqualTo("ios-app");
		assertThat(configured.tag("android-app")).isEqualTo("other");
		assertThat(configured.tag(null)).isEqualTo("none");
		assertThat(capped.tag("web")).isEqualTo("web");
		assertThat(capped.tag("ios")).isEqualTo("ios");
		assertThat(capped.tag("android")).isEqualTo("other");
		assertThat(capped.tag("web")).isEqualTo("web");
		assertThat(new ClientNames(Set.of(), 20).tag("x".repeat(65))).isEqualTo("other");
	}

	@Test
	void theModeDefaultsToOffInLocalModeAndToSafelistWithManifestsInWorkOsMode() {
		TrustedDocumentsProperties none = TestProperties.bind(TrustedDocumentsProperties.class);
		TrustedDocumentsProperties manifests = TestProperties.bind(TrustedDocumentsProperties.class, "manifests",
				"/etc/gateway/manifests");
		TrustedDocumentsProperties explicit = TestProperties.bind(TrustedDocumentsProperties.class, "manifests",
				"/etc/gateway/manifests", "mode", "log-unknown");

		assertThat(none.effectiveMode(false)).isEqualTo(TrustedDocumentsMode.OFF);
		assertThat(none.effectiveMode(true)).isEqualTo(TrustedDocumentsMode.OFF);
		assertThat(manifests.effectiveMode(false)).isEqualTo(TrustedDocumentsMode.OFF);
		assertThat(manifests.effectiveMode(true)).isEqualTo(TrustedDocumentsMode.SAFELIST);
		assertThat(explicit.effectiveMode(true)).isEqualTo(TrustedDocumentsMode.LOG_UNKNOWN);
		assertThat(none.reloadInterval()).hasSeconds(5);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

}
