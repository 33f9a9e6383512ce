package com.organizationsgateway.workos;

/**
 * Tells the client where to send each request. It is asked per request because in local
 * mode the address is known only once the server has started.
 */
@FunctionalInterface
public interface WorkOsEndpointSource {

	WorkOsEndpoint current();

}
