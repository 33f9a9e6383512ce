package com.organizationsgateway.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.organizationsgateway.TestClients;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * The GraphiQL page over HTTP, without a browser: it is the gateway's own page (not
 * spring-graphql's, which loads from esm.sh), everything it references is served by the
 * gateway, nothing is inline, and responses carry the security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphiQlPageTest {

	private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = TestClients.toPort(this.port);
	}

	@Test
	void graphiqlRedirectsToThePageForTheGraphQlEndpoint() {
		this.client.get()
			.uri("/graphiql")
			.exchange()
			.expectStatus()
			.isTemporaryRedirect()
			.expectHeader()
			.value("Location", endsWith("/graphiql?path=/graphql&wsPath=/graphql"));
	}

	@Test
	void servesTheGatewaysOwnPageWithNothingInlineAndNothingRemote() {
		String page = page();

		assertThat(page).contains("/graphiql-assets/init.js", "/webjars/graphiql/2.4.7/graphiql.min.js")
			.doesNotContain("esm.sh", "unpkg", "jsdelivr", "<style", "style=");
		assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page).find()).as("an inline <script>").isFalse();
		assertThat(references(page)).isNotEmpty()
			.allSatisfy((reference) -> assertThat(reference).matches("/[^/].*|data:,"));
	}

	@Test
	void servesEveryScriptAndStylesheetThePageNeeds() {
		List<String> assets = references(page()).stream().filter((reference) -> reference.startsWith("/")).toList();

		assertThat(assets).hasSize(6);
		for (String asset : assets) {
			this.client.get()
				.uri(asset)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(
						asset.endsWith(".css") ? MediaType.valueOf("text/css") : MediaType.valueOf("text/javascript"));
		}
	}

	@Test
	void thePageAndApiErrorsCarryTheSecurityHeaders() {
		for (String uri : List.of("/graphiql?path=/graphql", "/graphql", "/no-such-page")) {
			this.client.get()
				.uri(uri)
				.exchange()
				.expectHeader()
				.valueEquals("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
								+ "font-src 'self' data:; connect-src 'self'; object-src 'none'; "
								+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY");
		}
		this.client.get().uri("/no-such-page").exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
	}

	private String page() {
		return this.client.get()
			.uri("/graphiql?path=/graphql")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<String> references(String page) {
		Matcher matcher = REFERENCE.matcher(page);
		return matcher.results().map((result) -> result.group(1)).toList();
	}

}
