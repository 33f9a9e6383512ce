/**
 * Who may call the GraphQL endpoint and what they may do: JWT bearer tokens and hashed
 * static API keys authenticate callers, and each operation needs its scope.
 */
@NullMarked
package com.organizationsgateway.security;

import org.jspecify.annotations.NullMarked;
