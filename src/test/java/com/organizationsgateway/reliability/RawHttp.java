package com.organizationsgateway.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests as a hostile client writes them: exact bytes, any header value, no client
 * library tidying them up; each answer with its status, body and time taken.
 */
final class RawHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	RawHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	Answer post(byte[] body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return send(request.build());
	}

	Answer get(String rawPathAndQuery, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + rawPathAndQuery))
			.timeout(Duration.ofSeconds(20))
			.GET();
		headers.forEach(request::header);
		return send(request.build());
	}

	private Answer send(HttpRequest request) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start));
	}

	/** What the gateway answered, and how long it took. */
	record Answer(int status, String body, Duration took) {

		/** The body as JSON; a missing node when it is not JSON. */
		JsonNode json() {
			try {
				return RawHttp.json.readTree(this.body);
			}
			catch (RuntimeException ex) {
				return RawHttp.json.missingNode();
			}
		}

		String firstErrorCode() {
			return json().path("errors").path(0).path("extensions").path("code").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + ((this.body.length() > 300) ? this.body.substring(0, 300) + "..." : this.body);
		}

	}

}
