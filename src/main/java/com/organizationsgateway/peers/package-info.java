/**
 * Cache invalidation between gateway instances over Redis pub/sub: every change made or
 * learnt here is published, and every other instance applies it to its own cache. Only
 * active when Redis is configured ({@code spring.data.redis.*}); without it, nothing here
 * exists and nothing connects to Redis. Depends on the organizations feature's
 * {@code OrganizationChanges} and on nothing else in the app.
 */
@NullMarked
package com.organizationsgateway.peers;

import org.jspecify.annotations.NullMarked;
