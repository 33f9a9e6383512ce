/**
 * Apollo Federation 2 subgraph support: the switch, the entity schema file and Spring's
 * federation schema factory. The entity lookups themselves live with the organizations
 * feature.
 */
@NullMarked
package com.organizationsgateway.federation;

import org.jspecify.annotations.NullMarked;
