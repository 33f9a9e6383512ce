package com.organizationsgateway.local;

import org.springframework.http.HttpStatus;

/**
 * A JSON response already serialized, so an idempotent replay sends the very same bytes.
 *
 * @param status the HTTP status
 * @param body the UTF-8 JSON body
 */
record PreparedResponse(HttpStatus status, byte[] body) {

}
