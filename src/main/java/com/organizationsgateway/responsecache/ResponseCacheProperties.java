package com.organizationsgateway.responsecache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The response cache for repeated queries.
 *
 * @param enabled whether successful query responses are kept and replayed
 * @param ttl the longest a response is replayed; any change the gateway learns of (its
 * own mutations, webhooks, other instances) ends every response sooner
 * @param maxTotalSize the most response bytes kept together, so that many large responses
 * cannot fill the heap
 * @param maxResponseSize the largest response body kept; larger ones are always executed
 */
@ConfigurationProperties("gateway.graphql.response-cache")
public record ResponseCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration ttl,
		@DefaultValue("16MB") DataSize maxTotalSize, @DefaultValue("64KB") DataSize maxResponseSize) {

}
