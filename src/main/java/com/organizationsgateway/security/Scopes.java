package com.organizationsgateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The gateway's OAuth2 scopes, and their form as Spring Security authorities
 * ({@code SCOPE_} prefix, as Spring's JWT converter produces from
 * {@code scope}/{@code scp}).
 */
final class Scopes {

	static final String READ = "organizations:read";

	static final String WRITE = "organizations:write";

	static final Set<String> ALL = Set.of(READ, WRITE);

	private static final String PREFIX = "SCOPE_";

	private Scopes() {
	}

	static List<GrantedAuthority> authorities(Collection<String> scopes) {
		return scopes.stream()
			.sorted()
			.<GrantedAuthority>map((scope) -> new SimpleGrantedAuthority(PREFIX + scope))
			.toList();
	}

	static Set<String> of(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(PREFIX))
			.map((authority) -> authority.substring(PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

}
