package com.organizationsgateway.responsecache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.http.MediaType;

/**
 * A successful query response as it was written, to be written again.
 *
 * @param body the bytes of the body
 * @param contentType its content type
 * @param headers the response headers the GraphQL endpoint set (caching directives)
 * @param generation the cache generation the response was computed in
 * @param keptAt the cache's ticker reading when its computation began
 * @param refreshing set once a request has been let through to compute its successor
 */
record CachedResponse(byte[] body, MediaType contentType, Map<String, List<String>> headers, long generation,
		long keptAt, AtomicBoolean refreshing) {

	CachedResponse(byte[] body, MediaType contentType, Map<String, List<String>> headers, long generation,
			long keptAt) {
		this(body, contentType, headers, generation, keptAt, new AtomicBoolean());
	}

}
