package com.organizationsgateway.organization;

import com.organizationsgateway.workos.WorkOsException;

/**
 * Which upstream failures a read may answer with a stale cache entry: those that say
 * nothing about the organization itself (unreachable, timed out, 5xx, a malformed answer,
 * rate limited, or not called at all because the circuit is open or the bulkhead full). A
 * 404 or a 4xx is an answer, never papered over.
 */
final class StaleIfError {

	private StaleIfError() {
	}

	static boolean applies(Throwable failure) {
		return failure instanceof WorkOsException.TransportFailure || failure instanceof WorkOsException.ServerError
				|| failure instanceof WorkOsException.MalformedResponse
				|| failure instanceof WorkOsException.RateLimited || failure instanceof WorkOsException.Rejected;
	}

}
