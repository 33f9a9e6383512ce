package com.organizationsgateway.graphql.errors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.organizationsgateway.workos.WorkOsException;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions become GraphQL errors: every error gets an
 * {@link ErrorCode} in {@code extensions.code}, upstream errors keep WorkOS's request id,
 * and no message carries a stack trace, a class name or the API key.
 */
@Component
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(GraphQlErrorResolver.class);

	/**
	 * WorkOS's codes that mean "someone else holds this value" (a 400, or for a domain a
	 * 409), with the input field they are about.
	 */
	private static final Map<String, String> CONFLICT_CODES = Map.of("external_id_already_used", "externalId",
			"stripe_customer_id_already_used", "stripeCustomerId", "domain_already_exists", "domain");

	/** The fields whose upstream 404 is about a domain, not an organization. */
	private static final Set<String> DOMAIN_FIELDS = Set.of("organizationDomain", "verifyOrganizationDomain",
			"removeOrganizationDomain");

	/** WorkOS's wire field names that are not simply the snake_case of ours. */
	private static final Map<String, String> WIRE_FIELDS = Map.of("domains", "domainData", "invalid_metadata",
			"metadata");

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		Throwable cause = unwrap(ex);
		if (cause instanceof InvalidInputException invalid) {
			return error(env, ErrorCode.BAD_USER_INPUT, invalid.getMessage(), null,
					Map.of("fieldErrors", invalid.fieldErrors().stream().map(InputFieldError::toExtension).toList()));
		}
		if (cause instanceof WorkOsException.ApiError apiError) {
			return apiError(apiError, env);
		}
		if (cause instanceof WorkOsException.Rejected rejected) {
			return rejected(rejected, env);
		}
		if (cause instanceof WorkOsException.TransportFailure || cause instanceof WorkOsException.MalformedResponse) {
			// WorkOsClient already logged the failed call, with its operation.
			logger.debug("The upstream could not be reached: {}", cause.getMessage());
			return error(env, ErrorCode.UPSTREAM_UNAVAILABLE, "The upstream Organizations API is unavailable", null,
					Map.of());
		}
		logger.error("Unexpected failure of {}", env.getExecutionStepInfo().getPath(), cause);
		return error(env, ErrorCode.INTERNAL, "Internal error", null, Map.of());
	}

	private static GraphQLError rejected(WorkOsException.Rejected ex, DataFetchingEnvironment env) {
		// The gateway did not call WorkOS; the circuit's own transitions are logged by
		// the client side, so this stays quiet to avoid a log line per refused call.
		String message = (ex.reason() == WorkOsException.Rejected.Reason.TOO_MANY_CONCURRENT_CALLS)
				? "The gateway is at its limit of concurrent upstream calls; try again shortly"
				: "The upstream Organizations API is unavailable";
		return error(env, ErrorCode.UPSTREAM_UNAVAILABLE, message, null, Map.of());
	}

	private GraphQLError apiError(WorkOsException.ApiError ex, DataFetchingEnvironment env) {
		String requestId = ex.requestId();
		if (ex instanceof WorkOsException.NotFound) {
			String missing = DOMAIN_FIELDS.contains(env.getField().getName()) ? "Organization domain not found"
					: "Organization not found";
			return error(env, ErrorCode.NOT_FOUND, missing, requestId, Map.of());
		}
		if (ex instanceof WorkOsException.Conflict) {
			return error(env, ErrorCode.CONFLICT, upstreamMessage(ex, "The change conflicts with existing data"),
					requestId, fieldErrors(ex, env));
		}
		if (ex instanceof WorkOsException.BadRequest || ex instanceof WorkOsException.UnprocessableEntity) {
			boolean conflict = ex.code() != null && CONFLICT_CODES.containsKey(ex.code());
			return error(env, conflict ? ErrorCode.CONFLICT : ErrorCode.BAD_USER_INPUT,
					upstreamMessage(ex, "The upstream rejected the arguments"), requestId, fieldErrors(ex, env));
		}
		if (ex instanceof WorkOsException.RateLimited rateLimited) {
			Duration retryAfter = rateLimited.retryAfter();
			Map<String, Object> extensions = (retryAfter != null)
					? Map.of("retryAfterSeconds", retryAfterSeconds(retryAfter)) : Map.of();
			return error(env, ErrorCode.RATE_LIMITED, "The upstream is rate limiting requests; try again later",
					requestId, extensions);
		}
		if (ex instanceof WorkOsException.Unauthorized || ex instanceof WorkOsException.Forbidden) {
			// The gateway's own key was refused: an operator problem, not the client's.
			logger.error("WorkOS refused the gateway's API key with status {} (request id {})", ex.status(), requestId);
		}
		else {
			logger.debug("The upstream answered status {} (request id {})", ex.status(), requestId);
		}
		return error(env, ErrorCode.UPSTREAM_UNAVAILABLE, "The upstream Organizations API is unavailable", requestId,
				Map.of());
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message,
			@Nullable String requestId, Map<String, Object> more) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put(ErrorCode.EXTENSION, code.name());
		if (requestId != null) {
			extensions.put("requestId", requestId);
		}
		extensions.putAll(more);
		return GraphqlErrorBuilder.newError(env).errorType(code).message(message).extensions(extensions).build();
	}

	private static Map<String, Object> fieldErrors(WorkOsException.ApiError ex, DataFetchingEnvironment env) {
		String prefix = env.getArguments().containsKey("input") ? "input." : "";
		List<Map<String, Object>> errors = new ArrayList<>();
		for (WorkOsException.FieldError fieldError : ex.fieldErrors()) {
			String field = (fieldError.field() != null) ? prefix + graphQlName(fieldError.field())
					: prefix.replace(".", "");
			String code = (fieldError.code() != null) ? fieldError.code() : "invalid";
			String message = (fieldError.message() != null) ? fieldError.message() : upstreamMessage(ex, code);
			errors.add(new InputFieldError(field, code, message).toExtension());
		}
		if (errors.isEmpty() && ex.code() != null) {
			String field = CONFLICT_CODES.get(ex.code());
			if (field == null && WIRE_FIELDS.containsKey(ex.code())) {
				field = WIRE_FIELDS.get(ex.code());
			}
			if (field != null) {
				errors
					.add(new InputFieldError(prefix + field, ex.code(), upstreamMessage(ex, ex.code())).toExtension());
			}
		}
		return errors.isEmpty() ? Map.of() : Map.of("fieldErrors", errors);
	}

	/** {@code external_id} becomes {@code externalId}; a few wire names differ more. */
	static String graphQlName(String wireField) {
		String mapped = WIRE_FIELDS.get(wireField);
		if (mapped != null) {
			return mapped;
		}
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : wireField.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

	private static String upstreamMessage(WorkOsException.ApiError ex, String fallback) {
		String message = ex.upstreamMessage();
		return (message != null && !message.isBlank()) ? message : fallback;
	}

	/** Whole seconds, rounded up so that a client never retries too early. */
	private static int retryAfterSeconds(Duration retryAfter) {
		long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
		return (int) Math.min(seconds, Integer.MAX_VALUE);
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
