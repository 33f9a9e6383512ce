package com.organizationsgateway.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much of GraphQL execution is observed.
 *
 * @param dataFetchers whether each non-trivial data fetcher and DataLoader batch is
 * observed too ({@code graphql_datafetcher_seconds}, {@code graphql_dataloader_seconds}
 * and their spans), not only each operation
 */
@ConfigurationProperties("gateway.graphql.observations")
record GraphQlObservationProperties(boolean dataFetchers) {

}
