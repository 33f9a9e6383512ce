package com.organizationsgateway.web;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's JSON encoder, the one every GraphQL response goes through, reuses its
 * buffers: before, each response allocated about 18 KB of fresh ones
 * (spring-projects/spring-framework#37059), a quarter of what the gateway allocated per
 * request under load. Measured as bytes allocated by this thread per encoded response.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JsonBufferRecyclingTest {

	private static final int ENCODES = 2_000;

	/**
	 * A small response's own objects take well under 2 KB; fresh buffers alone take 16
	 * KB.
	 */
	private static final long MAXIMUM_BYTES_PER_RESPONSE = 6_000;

	private static final Map<String, Object> RESPONSE = Map.of("data",
			Map.of("organization", Map.of("id", "org_01EHZNVPK3SFK441A1RGBFSHRT", "name", "Foo Corp", "domains",
					List.of(Map.of("domain", "foo-corp.com", "state", "VERIFIED")))));

	@Autowired
	private ServerCodecConfigurer codecs;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void encodingAResponseAllocatesNoFreshBuffers() {
		Encoder<Object> encoder = jsonEncoder();
		encode(encoder, ENCODES);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		encode(encoder, ENCODES);
		long perResponse = (threads.getCurrentThreadAllocatedBytes() - before) / ENCODES;
		assertThat(perResponse).as("bytes allocated per encoded response").isLessThan(MAXIMUM_BYTES_PER_RESPONSE);
	}

	@Test
	void theMapperKeepsBootsCustomizations() {
		// Boot's customizer registers the context's Jackson modules, the Problem Detail
		// mixin among them.
		assertThat(this.jsonMapper.writeValueAsString(ProblemDetail.forStatus(404))).contains("\"status\":404")
			.doesNotContain("\"properties\"");
	}

	private void encode(Encoder<Object> encoder, int times) {
		ResolvableType type = ResolvableType.forInstance(RESPONSE);
		for (int i = 0; i < times; i++) {
			DataBuffer buffer = encoder.encodeValue(RESPONSE, DefaultDataBufferFactory.sharedInstance, type,
					MediaType.APPLICATION_JSON, Map.of());
			assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("{\"data\":");
		}
	}

	@SuppressWarnings("unchecked")
	private Encoder<Object> jsonEncoder() {
		return this.codecs.getWriters()
			.stream()
			.filter(EncoderHttpMessageWriter.class::isInstance)
			.map((writer) -> ((EncoderHttpMessageWriter<Object>) writer).getEncoder())
			.filter((encoder) -> encoder.canEncode(ResolvableType.forInstance(RESPONSE), MediaType.APPLICATION_JSON))
			.findFirst()
			.orElseThrow();
	}

}
