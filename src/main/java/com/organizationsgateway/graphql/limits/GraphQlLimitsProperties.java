package com.organizationsgateway.graphql.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what one GraphQL request may ask, checked before anything runs, and on how
 * long it may take.
 *
 * @param maxDepth deepest field nesting; GraphiQL's own introspection query needs 13
 * @param maxComplexity the most an operation may cost: 1 per field, 10 per field that
 * reads the upstream ({@code organization}, {@code organizations}, {@code node}), 10 per
 * id of {@code nodes} and 10 per representation of {@code _entities}
 * @param maxTokens the most grammar tokens the parser reads before giving up
 * @param maxRequestSize the largest request body accepted
 * @param maxSubscriptionsPerConnection subscriptions one WebSocket connection may run at
 * once
 * @param operationTimeout the deadline of one operation, all its upstream calls included;
 * past it the client gets {@code UPSTREAM_UNAVAILABLE}
 */
@ConfigurationProperties("gateway.graphql.limits")
record GraphQlLimitsProperties(@DefaultValue("15") int maxDepth, @DefaultValue("1000") int maxComplexity,
		@DefaultValue("5000") int maxTokens, @DefaultValue("100KB") DataSize maxRequestSize,
		@DefaultValue("25") int maxSubscriptionsPerConnection, @DefaultValue("15s") Duration operationTimeout) {

}
