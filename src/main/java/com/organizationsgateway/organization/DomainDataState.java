package com.organizationsgateway.organization;

/**
 * The GraphQL {@code DomainDataState}: the states a client may give a domain.
 */
enum DomainDataState {

	PENDING, VERIFIED

}
