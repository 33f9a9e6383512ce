package com.organizationsgateway.graphql;

import graphql.scalars.ExtendedScalars;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.ClassNameTypeResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Schema wiring that no controller provides: the RFC 3339 {@code DateTime} scalar, the
 * strict {@code ID} of {@link StrictIdCoercing}, and {@code Node} resolved to the GraphQL
 * type named like the Java class of the value (an {@code Organization} record is an
 * {@code Organization}).
 */
@Component
class GraphQlWiring implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		// Strict mode refuses to redefine a built-in scalar, so it is lifted for ID
		// alone.
		builder.strictMode(false).scalar(StrictIdCoercing.ID).strictMode(true);
		builder.scalar(ExtendedScalars.DateTime).type("Node", (type) -> type.typeResolver(new ClassNameTypeResolver()));
	}

}
