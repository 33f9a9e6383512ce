package com.organizationsgateway.local;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local API's stand-in for public DNS: TXT records a developer publishes through
 * {@code /local/dns/txt/{name}}, which the domain verification reads instead of real DNS
 * (nothing local can be looked up there, and tests must not reach out).
 */
final class LocalDns {

	private final Map<String, List<String>> txtRecords = new ConcurrentHashMap<>();

	/** Replaces the TXT records at {@code name}. */
	void publish(String name, List<String> values) {
		this.txtRecords.put(normalize(name), List.copyOf(values));
	}

	Optional<List<String>> txt(String name) {
		return Optional.ofNullable(this.txtRecords.get(normalize(name)));
	}

	boolean remove(String name) {
		return this.txtRecords.remove(normalize(name)) != null;
	}

	/**
	 * Whether the domain's own name has a TXT record with its token, as WorkOS documents
	 * it ({@code verification_token=<token>}) or bare.
	 */
	boolean proves(LocalDomain domain) {
		String token = domain.verificationToken();
		if (token == null) {
			return false;
		}
		return txt(domain.domain()).orElse(List.of())
			.stream()
			.map(String::trim)
			.anyMatch((value) -> value.equals("verification_token=" + token) || value.equals(token));
	}

	/** DNS names are case-insensitive, and a trailing dot names the same host. */
	static String normalize(String name) {
		String lower = name.trim().toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

}
