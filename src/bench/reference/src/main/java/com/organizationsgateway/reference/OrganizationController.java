package com.organizationsgateway.reference;

import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The two queries of the benchmark, answered from the store.
 */
@Controller
class OrganizationController {

	private final OrganizationStore store;

	OrganizationController(OrganizationStore store) {
		this.store = store;
	}

	@QueryMapping
	Organization organization(@Argument String id) {
		return this.store.byId(id);
	}

	@QueryMapping
	Connection<Organization> organizations(@Argument Integer first, @Argument String after) {
		return this.store.page(first, after);
	}

}
