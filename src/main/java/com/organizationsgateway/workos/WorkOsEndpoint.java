package com.organizationsgateway.workos;

import java.net.URI;

/**
 * Where the client sends requests and with which key: WorkOS itself, or the embedded
 * local API once its port is known.
 *
 * @param baseUrl scheme, host and port, with no path
 * @param apiKey the bearer key; never printed
 */
public record WorkOsEndpoint(URI baseUrl, String apiKey) {

	@Override
	public String toString() {
		return "WorkOsEndpoint[baseUrl=" + this.baseUrl + ", apiKey=******]";
	}

}
