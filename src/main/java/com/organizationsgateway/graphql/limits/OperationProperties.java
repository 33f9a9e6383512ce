package com.organizationsgateway.graphql.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on one GraphQL operation.
 *
 * @param timeout the deadline for a whole operation, all its upstream calls included
 */
@ConfigurationProperties("gateway.operation")
record OperationProperties(@DefaultValue("15s") Duration timeout) {

}
