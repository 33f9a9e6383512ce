package com.organizationsgateway.graphql;

import java.math.BigInteger;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ID} scalar as the GraphQL specification words it for input: a string or an
 * integer, nothing else. A list, an object, a float or a boolean where one id belongs
 * (say, a list nested in {@code nodes(ids:)}) is a validation error instead of being
 * coerced to some string and looked up.
 */
final class StrictIdCoercing implements Coercing<Object, String> {

	@SuppressWarnings("unchecked")
	private static final Coercing<Object, String> STANDARD = (Coercing<Object, String>) Scalars.GraphQLID.getCoercing();

	/** The built-in {@code ID} with this coercing; wired in its place. */
	static final GraphQLScalarType ID = Scalars.GraphQLID
		.transform((builder) -> builder.coercing(new StrictIdCoercing()));

	@Override
	public @Nullable String serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
		return STANDARD.serialize(dataFetcherResult, context, locale);
	}

	@Override
	public Object parseValue(Object input, GraphQLContext context, Locale locale) {
		if (input instanceof String text) {
			return text;
		}
		if (input instanceof Integer || input instanceof Long || input instanceof BigInteger || input instanceof Short
				|| input instanceof Byte) {
			return input.toString();
		}
		throw new CoercingParseValueException("An ID must be a string or an integer, not "
				+ ((input instanceof Iterable || input.getClass().isArray()) ? "a list" : "a value of another kind"));
	}

	@Override
	public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
		if (input instanceof StringValue string) {
			return string.getValue();
		}
		if (input instanceof IntValue integer) {
			return integer.getValue().toString();
		}
		throw new CoercingParseLiteralException("An ID must be a string or an integer literal");
	}

	@Override
	public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
		return STANDARD.valueToLiteral(input, context, locale);
	}

}
