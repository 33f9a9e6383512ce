package com.organizationsgateway.workos;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Property: no id or external id, whatever its characters, makes {@link WorkOsPaths}
 * build a URL that resolves to any path but the one endpoint it names. Judged the way
 * WHATWG-URL servers resolve paths (Node's among them, where {@code %2E%2E} is
 * {@code ..}): by a small Java port of the standard's path rules, and by Node's own
 * {@code new URL()} over the whole batch. 5,000 seeded values ({@code -Dpaths.seed=N}
 * replays a run); the dot segments themselves must be refused, not sent.
 */
class PathBuildingPropertyTest {

	private static final long SEED = Long.getLong("paths.seed", 13L);

	private static final URI BASE = URI.create("http://127.0.0.1:8080");

	private static final String[] PIECES = { ".", "..", "%2e", "%2E", "/", "\\", "%", "%2F", "%5C", "?", "#", "&", "=",
			";", "+", " ", "\t", "\n", "\r", "\u0000", "\u007F", "%00", "%252e", "a", "Z", "9", "-", "_", "~", "é",
			"日本", "\uD83D\uDE00", "\u202E", "\uFEFF", "\uFFFF", "..%2F", "%2e%2E", ".%2e" };

	@Test
	void everyIdResolvesToExactlyTheEndpointItNames() throws Exception {
		Random random = new Random(SEED);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			values.add(generate(random));
		}
		List<String> urls = new ArrayList<>();
		List<List<String>> expected = new ArrayList<>();
		int refused = 0;
		for (String value : values) {
			if (value.equals(".") || value.equals("..")) {
				String shown = value;
				assertThat(catchThrowable(() -> WorkOsPaths.of(BASE, "organizations", "external_id", shown)))
					.isInstanceOf(IllegalArgumentException.class);
				refused++;
				continue;
			}
			String url = WorkOsPaths.of(BASE, "organizations", "external_id", value).toString();
			String segment = WorkOsPaths.segment(value);
			List<String> resolved = WhatwgPaths.resolve(url.substring(BASE.toString().length()));
			assertThat(resolved).as("seed " + SEED + ", value " + escaped(value) + " -> " + url)
				.containsExactly("organizations", "external_id", segment);
			assertThat(java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
				.isEqualTo(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
			urls.add(url);
			expected.add(List.of("organizations", "external_id", segment));
		}
		assertThat(refused).isPositive();
		List<String> nodePaths = nodePathnames(urls);
		for (int i = 0; i < urls.size(); i++) {
			assertThat(nodePaths.get(i)).as("seed " + SEED + ", Node's new URL(" + urls.get(i) + ").pathname")
				.isEqualTo("/" + String.join("/", expected.get(i)));
		}
	}

	private static String generate(Random random) {
		StringBuilder value = new StringBuilder();
		for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
			if (random.nextInt(4) == 0) {
				// Any code point, all planes, lone surrogates included.
				value.appendCodePoint(random.nextInt(0x110000));
			}
			else {
				value.append(PIECES[random.nextInt(PIECES.length)]);
			}
		}
		return value.toString();
	}

	/** Node's WHATWG URL parser over every URL at once: one pathname a line. */
	private static List<String> nodePathnames(List<String> urls) throws Exception {
		Process node = new ProcessBuilder("node", "-e",
				"let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{for(const u of s.split('\\n'))"
						+ "{if(u)process.stdout.write(new URL(u).pathname+'\\n')}})")
			.redirectErrorStream(true)
			.start();
		node.getOutputStream().write(String.join("\n", urls).getBytes(StandardCharsets.US_ASCII));
		node.getOutputStream().close();
		String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(node.exitValue()).as(out).isZero();
		return out.lines().toList();
	}

	private static String escaped(String value) {
		StringBuilder out = new StringBuilder();
		value.chars()
			.forEach((c) -> out
				.append((c >= 0x20 && c < 0x7F) ? String.valueOf((char) c) : String.format("\\u%04X", c)));
		return out.toString();
	}

	/**
	 * The WHATWG URL standard's path state for a special scheme (http), ported: tab and
	 * newlines are dropped, {@code /} and {@code \} both end a segment, and
	 * {@code .}/{@code %2e} and {@code ..}/{@code .%2e}/{@code %2e.}/{@code %2e%2e} (any
	 * case) are dot segments that pop or vanish.
	 */
	static final class WhatwgPaths {

		static List<String> resolve(String pathAndMore) {
			String input = pathAndMore.replaceAll("[\\t\\n\\r]", "");
			int end = input.length();
			for (int i = 0; i < input.length(); i++) {
				if (input.charAt(i) == '?' || input.charAt(i) == '#') {
					end = i;
					break;
				}
			}
			String path = input.substring(0, end);
			List<String> segments = new ArrayList<>();
			String[] parts = path.split("[/\\\\]", -1);
			for (int i = 1; i < parts.length; i++) {
				String part = parts[i];
				boolean last = i == parts.length - 1;
				String lower = part.toLowerCase(java.util.Locale.ROOT);
				boolean single = lower.equals(".") || lower.equals("%2e");
				boolean dbl = lower.equals("..") || lower.equals(".%2e") || lower.equals("%2e.")
						|| lower.equals("%2e%2e");
				if (dbl) {
					if (!segments.isEmpty()) {
						segments.remove(segments.size() - 1);
					}
					if (last) {
						segments.add("");
					}
				}
				else if (single) {
					if (last) {
						segments.add("");
					}
				}
				else {
					segments.add(part);
				}
			}
			return segments;
		}

	}

}
