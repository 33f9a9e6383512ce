package com.organizationsgateway.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.RepeatedTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One keep-alive connection keeps being served after a request that the server received
 * while the previous one was still running, and answered at once. Reactor Netty 1.3.6
 * (Boot 4.0.7's) stopped reading such a connection: the next request on it hung until the
 * client gave up (reactor/reactor-netty#4361, fixed in 1.3.8). HTTP clients with
 * connection pools hit it at random; here it is made certain by sending the first two
 * requests in one write, a slow read and then a mutation over GET, which gets its 405
 * without any work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveConnectionTest {

	private static final int ANSWER_WITHIN_MILLIS = 10_000;

	@LocalServerPort
	private int port;

	@RepeatedTest(3)
	void aConnectionIsStillServedAfterAPipelinedRequestAnsweredAtOnce() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			// An uncached search: the gateway calls its upstream, so the answer is late.
			String slowRead = get("{ organizations(search: \"" + UUID.randomUUID() + "\") { edges { cursor } } }");
			String mutationOverGet = get("mutation { deleteOrganization(input: {id: \"org_x\"}) { __typename } }");
			out.write((slowRead + mutationOverGet).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
			assertThat(readResponse(in)).startsWith("HTTP/1.1 405");

			out.write(get("{ __typename }").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			try {
				assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("\"__typename\":\"Query\"");
			}
			catch (SocketTimeoutException ex) {
				fail("The third request on the connection got no answer within " + ANSWER_WITHIN_MILLIS + " ms");
			}
		}
	}

	private String get(String query) {
		return "GET /graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + " HTTP/1.1\r\n"
				+ "Host: 127.0.0.1:" + this.port + "\r\n" + "Accept: application/json\r\n\r\n";
	}

	/** One HTTP/1.1 response, status line to end of body (fixed length or chunked). */
	private static String readResponse(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("Connection closed after: " + head);
			}
			head.append((char) next);
		}
		String headers = head.toString().toLowerCase(Locale.ROOT);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (headers.contains("transfer-encoding: chunked")) {
			int size;
			while ((size = Integer.parseInt(readLine(in).trim(), 16)) > 0) {
				body.write(in.readNBytes(size));
				readLine(in);
			}
			readLine(in);
		}
		else {
			int start = headers.indexOf("content-length:");
			int length = (start < 0) ? 0
					: Integer.parseInt(headers.substring(start + 15, headers.indexOf("\r\n", start)).trim());
			body.write(in.readNBytes(length));
		}
		return head + body.toString(StandardCharsets.UTF_8);
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int next;
		while ((next = in.read()) >= 0 && next != '\n') {
			line.append((char) next);
		}
		return line.toString();
	}

}
