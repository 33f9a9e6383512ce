package com.organizationsgateway.local;

/**
 * One entry of {@code domain_data}: a lower-cased, syntactically valid domain and the
 * state to give it.
 */
record DomainRequest(String domain, DomainState state) {
}
