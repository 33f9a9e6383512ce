package com.organizationsgateway.upstream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When WorkOS counts as unreachable for readiness, judged from the gateway's own calls so
 * that probes never add upstream traffic.
 *
 * @param failureThreshold failed calls in a row after which the gateway is not ready
 * @param window how long the gateway stays not ready after the last failure without a
 * success; then it is ready again and real traffic tells anew
 */
@ConfigurationProperties("gateway.upstream-health")
record UpstreamHealthProperties(@DefaultValue("3") int failureThreshold, @DefaultValue("30s") Duration window) {

}
