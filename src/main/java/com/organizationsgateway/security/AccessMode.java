package com.organizationsgateway.security;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who may call the GraphQL endpoint without a credential.
 */
enum AccessMode {

	/** Nobody: every caller needs a valid credential. */
	CREDENTIALS_REQUIRED,

	/** Local mode with no authentication configured: clients on this machine only. */
	OPEN_TO_LOOPBACK,

	/** {@code gateway.security.allow-unauthenticated=true}: anybody. */
	OPEN;

	boolean admitsAnonymous(ServerWebExchange exchange) {
		return admitsAnonymous(exchange.getRequest().getRemoteAddress());
	}

	/** For a WebSocket connection, judged by the address its handshake came from. */
	boolean admitsAnonymous(@Nullable InetSocketAddress remote) {
		return switch (this) {
			case CREDENTIALS_REQUIRED -> false;
			case OPEN -> true;
			case OPEN_TO_LOOPBACK -> isLoopback(remote);
		};
	}

	/**
	 * The socket's peer, not a forwarded header: no client can claim to be local.
	 */
	private static boolean isLoopback(@Nullable InetSocketAddress remote) {
		return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
	}

}
