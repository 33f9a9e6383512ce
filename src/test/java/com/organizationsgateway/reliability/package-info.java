/**
 * Hostile input and malformed upstream answers end to end: the gateway in WorkOS mode
 * against a stub upstream that counts every call.
 */
@NullMarked
package com.organizationsgateway.reliability;

import org.jspecify.annotations.NullMarked;
