package com.organizationsgateway.security;

import java.util.Set;

/**
 * The scopes of the caller of one GraphQL request, handed from the web layer to the
 * execution through the {@code GraphQLContext}.
 *
 * @param scopes the caller's scopes, such as {@code organizations:read}
 */
record GrantedScopes(Set<String> scopes) {

	/** The key in the {@code GraphQLContext}. */
	static final String KEY = GrantedScopes.class.getName();

	GrantedScopes {
		scopes = Set.copyOf(scopes);
	}

}
