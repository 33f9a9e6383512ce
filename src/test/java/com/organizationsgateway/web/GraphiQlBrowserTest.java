package com.organizationsgateway.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.organization.OrganizationChange;
import com.organizationsgateway.organization.OrganizationChanges;
import com.organizationsgateway.workos.WorkOsOrganization;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real browser (Debian's headless Chromium): the page renders, runs a typed
 * query against the gateway and the seeded local organizations, explains the schema, and
 * fetches nothing from anywhere but the gateway, under its strict CSP. One Spring context
 * and one browser session serve all tests; each test opens the page afresh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQlBrowserTest {

	/**
	 * Typed into the editor; the local API seeds "Foo Corp" first, so ASC lists it first.
	 */
	static final String QUERY = """
			query FirstOrganizations {
			  organizations(first: 3, order: ASC) {
			    edges {
			      node {
			        name
			        domains {
			          domain
			        }
			      }
			    }
			  }
			}
			""";

	static final String EXPECTED_IN_RESULT = "\"name\": \"Foo Corp\"";

	/**
	 * The description of {@code Query.organizations} in the schema, shown by the docs.
	 */
	static final String DOCUMENTED_FIELD = "organizations";

	static final String FIELD_DESCRIPTION = "Organizations ordered by creation time";

	private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost");

	private static final Path SCREENSHOT = Path.of("target", "screenshots", "graphiql.png");

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private OrganizationChanges changes;

	@Autowired
	private MeterRegistry meterRegistry;

	private Path profile;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	void startBrowser() throws IOException {
		if (SystemChromium.isInstalled()) {
			this.profile = SystemChromium.newProfile();
			this.browser = SystemChromium.start(this.profile);
			this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		}
	}

	/**
	 * Per test rather than once, so that each test shows as skipped (or failed on CI).
	 */
	@BeforeEach
	void requireBrowser() {
		SystemChromium.assumeInstalled();
	}

	@AfterAll
	void quitBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
			SystemChromium.deleteProfile(this.profile);
		}
	}

	@Test
	void runsATypedQueryAndShowsTheSeededOrganizations() throws IOException {
		openGraphiQl();
		run(QUERY);

		assertThat(responseText()).contains("\"organizations\"").contains(EXPECTED_IN_RESULT);
		saveScreenshot();
		List<URI> requested = requestedUrls();
		assertThat(requested).extracting(URI::getPath)
			.contains("/graphiql", "/webjars/graphiql/2.4.7/graphiql.min.js", "/graphiql-assets/init.js", "/graphql");
		assertOnlyLoopback(requested);
		assertNoContentSecurityPolicyViolations();
	}

	@Test
	void pagesThroughOrganizationsAndCreatesUpdatesAndDeletesOneFromTheEditor() {
		openGraphiQl();

		JsonNode firstPage = run("{ organizations(first: 2, order: ASC) { edges { node { name } } "
				+ "pageInfo { hasNextPage endCursor } } }")
			.path("data")
			.path("organizations");
		assertThat(firstPage.path("edges").get(0).path("node").path("name").asString()).isEqualTo("Foo Corp");
		assertThat(firstPage.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		JsonNode secondPage = run("{ organizations(first: 2, order: ASC, after: \""
				+ firstPage.path("pageInfo").path("endCursor").asString()
				+ "\") { edges { node { name } } pageInfo { hasPreviousPage } } }")
			.path("data")
			.path("organizations");
		assertThat(secondPage.path("pageInfo").path("hasPreviousPage").asBoolean()).isTrue();
		assertThat(secondPage.path("edges").get(0).path("node").path("name").asString()).isNotEqualTo("Foo Corp");

		String id = run(
				"mutation { createOrganization(input: { name: \"Browser Corp\" }) " + "{ organization { id name } } }")
			.path("data")
			.path("createOrganization")
			.path("organization")
			.path("id")
			.asString();
		assertThat(id).startsWith("org_");
		assertThat(run("mutation { updateOrganization(input: { id: \"" + id + "\", name: \"Browser Corp II\" }) "
				+ "{ organization { name } } }")
			.at("/data/updateOrganization/organization/name")
			.asString()).isEqualTo("Browser Corp II");
		assertThat(run("mutation { deleteOrganization(input: { id: \"" + id + "\" }) { deletedOrganizationId } }")
			.at("/data/deleteOrganization/deletedOrganizationId")
			.asString()).isEqualTo(id);
		assertThat(run("{ organization(id: \"" + id + "\") { name } }").at("/errors/0/extensions/code").asString())
			.isEqualTo("NOT_FOUND");
		assertOnlyLoopback(requestedUrls());
		assertNoContentSecurityPolicyViolations();
	}

	@Test
	void subscribesOverAWebSocketAndShowsLiveChanges() {
		openGraphiQl();
		double before = activeSubscriptions();
		this.browser.executeScript(
				"document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])",
				"subscription { organizationChanged { kind organizationId organization { name } } }");
		// A click while GraphiQL is still loading the schema can go unheard; click again
		// (a second click on a running subscription would stop it, so only after a wait).
		for (int attempt = 1;; attempt++) {
			click(By.cssSelector(".graphiql-execute-button"));
			try {
				new WebDriverWait(this.browser, Duration.ofSeconds(10))
					.until((driver) -> activeSubscriptions() > before);
				break;
			}
			catch (TimeoutException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
		String id = "org_01KBROWSERSUBSCR1PT10N0000";
		Instant now = Instant.now();
		this.changes.publish(new OrganizationChange(id, OrganizationChange.Kind.UPDATED, Set.of(), now,
				new WorkOsOrganization(id, "Live Corp", List.of(), Map.of(), null, null, now, now),
				OrganizationChange.Origin.WEBHOOK));

		this.wait.until((driver) -> responseText().contains("Live Corp"));
		assertThat(responseText()).contains("\"kind\": \"UPDATED\"", id);
		assertOnlyLoopback(requestedUrls());
		assertNoContentSecurityPolicyViolations();
	}

	private double activeSubscriptions() {
		return this.meterRegistry.get("gateway.subscriptions.active").gauge().value();
	}

	/** Types the operation into the editor, runs it, and reads the result pane. */
	private JsonNode run(String operation) {
		String before = responseText();
		this.browser.executeScript(
				"document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])",
				operation);
		// A click while GraphiQL is still loading the schema can go unheard; click again.
		for (int attempt = 1;; attempt++) {
			click(By.cssSelector(".graphiql-execute-button"));
			try {
				new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((driver) -> {
					String text = responseText();
					return !text.isBlank() && !text.equals(before);
				});
				return this.json.readTree(responseText());
			}
			catch (TimeoutException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	@Test
	void opensWithTheExampleQueriesAndAHeadersEditor() {
		openGraphiQl();

		assertThat(queryEditorText()).contains("query OrganizationPage", "organizations(first: 3, order: ASC)",
				"query OrganizationByExternalId", "organization(externalId: \"acme-0001\")");
		click(By.xpath("//button[normalize-space()='Headers']"));
		WebElement headers = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".graphiql-editor-tool .graphiql-editor:not(.hidden)")));
		assertThat(headers.getText()).contains("{}");
		assertOnlyLoopback(requestedUrls());
		assertNoContentSecurityPolicyViolations();
	}

	@Test
	void docsExplorerShowsTheSchemaDescriptions() {
		openGraphiQl();

		this.browser.findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'graphiql-doc-explorer')]//a[normalize-space()='Query']")))
			.click();
		WebElement docs = this.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//div[contains(@class,'graphiql-doc-explorer')][contains(., '" + FIELD_DESCRIPTION + "')]")));
		assertThat(docs.getText()).contains(DOCUMENTED_FIELD, FIELD_DESCRIPTION);
		assertOnlyLoopback(requestedUrls());
		assertNoContentSecurityPolicyViolations();
	}

	@Test
	void settingsDialogWorksUnderTheStrictStylePolicy() {
		openGraphiQl();

		click(By.cssSelector("button[aria-label='Open settings dialog']"));
		WebElement dialog = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=dialog]")));
		assertThat(dialog.getText()).contains("Settings", "Theme");
		click(By.cssSelector("[role=dialog] .graphiql-dialog-close"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[role=dialog]")));
		// The dialog's scroll lock injects a <style> element, which "style-src 'self'"
		// refuses; the page does not scroll anyway. Any other violation is a regression.
		assertThat(contentSecurityPolicyViolations()).allMatch((message) -> message.contains("Applying inline style"));
		assertOnlyLoopback(requestedUrls());
	}

	/** Opens the page with an empty localStorage, so no earlier test's tabs come back. */
	private void openGraphiQl() {
		String base = "http://127.0.0.1:" + this.port;
		this.browser.get(base + "/graphiql-assets/page.css");
		this.browser.executeScript("window.localStorage.clear()");
		drainLogs();
		// Boot's redirect adds ?path=/graphql&wsPath=/graphql
		this.browser.get(base + "/graphiql");
		this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".graphiql-query-editor .CodeMirror")));
	}

	/** Clicks once the element is there, again if GraphiQL re-rendered it meanwhile. */
	private void click(By locator) {
		this.wait.ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(locator).click();
			return true;
		});
	}

	private String queryEditorText() {
		return (String) this.browser
			.executeScript("return document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()");
	}

	private String responseText() {
		return (String) this.browser
			.executeScript("const editor = document.querySelector('.graphiql-response .CodeMirror');"
					+ " return editor ? editor.CodeMirror.getValue() : '';");
	}

	/** Every URL the page asked for since the last drain, from the performance log. */
	private List<URI> requestedUrls() {
		List<URI> urls = new ArrayList<>();
		for (LogEntry entry : this.browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = this.json.readTree(entry.getMessage()).path("message");
			if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
				urls.add(URI.create(message.path("params").path("request").path("url").asString()));
			}
		}
		return urls;
	}

	private void assertOnlyLoopback(List<URI> urls) {
		assertThat(urls).isNotEmpty();
		// data: URLs (GraphiQL's fonts) never touch the network
		assertThat(urls).filteredOn((url) -> !"data".equals(url.getScheme()))
			.allSatisfy((url) -> assertThat(url.getHost()).as("host of %s", url).isIn(LOOPBACK_HOSTS));
	}

	private void assertNoContentSecurityPolicyViolations() {
		assertThat(contentSecurityPolicyViolations()).isEmpty();
	}

	/**
	 * The console messages since the last drain in which Chromium reports a CSP
	 * violation.
	 */
	private List<String> contentSecurityPolicyViolations() {
		return this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
	}

	private void drainLogs() {
		this.browser.manage().logs().get(LogType.PERFORMANCE);
		this.browser.manage().logs().get(LogType.BROWSER);
	}

	private void saveScreenshot() throws IOException {
		Files.createDirectories(SCREENSHOT.getParent());
		Path taken = this.browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
	}

}
