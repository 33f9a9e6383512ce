package com.organizationsgateway.workos;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach WorkOS. With no API key the gateway runs against its embedded local
 * Organizations API instead.
 *
 * @param apiKey the WorkOS secret key, also read from {@code WORKOS_API_KEY}; empty runs
 * the gateway against its embedded local Organizations API; never printed
 * @param apiBaseUrl the WorkOS base URL, also read from {@code WORKOS_API_BASE_URL}
 * @param connectTimeout how long to wait for a TCP connection
 * @param responseTimeout how long to wait for response headers after the request is sent
 */
@ConfigurationProperties("gateway.workos")
public record WorkOsProperties(@Nullable String apiKey, @DefaultValue("https://api.workos.com") URI apiBaseUrl,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout) {

	/**
	 * Whether a WorkOS key is configured, that is whether the gateway talks to WorkOS
	 * itself.
	 */
	public boolean hasApiKey() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	@Override
	public String toString() {
		return "WorkOsProperties[apiKey=" + (hasApiKey() ? "******" : "<none>") + ", apiBaseUrl=" + this.apiBaseUrl
				+ ", connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout + "]";
	}

}
