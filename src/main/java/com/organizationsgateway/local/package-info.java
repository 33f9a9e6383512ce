/**
 * An embedded, wire-compatible WorkOS Organizations API, served at the root of the
 * gateway's port when no WorkOS key is configured. It depends on nothing else in the app
 * and keeps its own records, so it is an independent implementation the WorkOS client can
 * be tested against.
 */
@NullMarked
package com.organizationsgateway.local;

import org.jspecify.annotations.NullMarked;
