package com.organizationsgateway.federation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Apollo Federation 2 subgraph support.
 *
 * @param enabled whether the schema is an Apollo Federation 2 subgraph:
 * {@code Organization} is an entity keyed by {@code id} and by {@code externalId}, and
 * {@code _service} and {@code _entities} are served
 */
@ConfigurationProperties("gateway.graphql.federation")
public record FederationProperties(@DefaultValue("true") boolean enabled) {

}
