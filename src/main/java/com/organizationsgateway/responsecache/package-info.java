/**
 * The response cache: whole GraphQL responses to repeated queries, replayed without
 * executing them, and forgotten whenever the organization cache forgets anything.
 */
@NullMarked
package com.organizationsgateway.responsecache;

import org.jspecify.annotations.NullMarked;
