package com.organizationsgateway.workos;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Every way a WorkOS call can fail, modelled once at the wire: an error response (one
 * subtype per status class) or a transport failure with no response at all. Messages
 * never contain the API key.
 */
public abstract sealed class WorkOsException extends RuntimeException permits WorkOsException.ApiError,
		WorkOsException.TransportFailure, WorkOsException.MalformedResponse, WorkOsException.Rejected {

	WorkOsException(String message, @Nullable Throwable cause) {
		super(message, cause, false, false);
	}

	/**
	 * WorkOS answered with an error status.
	 */
	public abstract static sealed class ApiError extends WorkOsException permits BadRequest, Unauthorized, Forbidden,
			NotFound, Conflict, UnprocessableEntity, RateLimited, ServerError, UnexpectedStatus {

		private final ErrorResponse response;

		ApiError(ErrorResponse response) {
			super("WorkOS answered " + response.status()
					+ ((response.message() != null) ? ": " + response.message() : ""), null);
			this.response = response;
		}

		public ErrorResponse response() {
			return this.response;
		}

		public int status() {
			return this.response.status();
		}

		public @Nullable String code() {
			return this.response.code();
		}

		public @Nullable String upstreamMessage() {
			return this.response.message();
		}

		public List<FieldError> fieldErrors() {
			return this.response.fieldErrors();
		}

		public @Nullable String requestId() {
			return this.response.requestId();
		}

	}

	/**
	 * 400: the request was not acceptable, for example a duplicate external id or a
	 * domain that is verified already.
	 */
	public static final class BadRequest extends ApiError {

		BadRequest(ErrorResponse response) {
			super(response);
		}

	}

	/** 401: the API key is missing or invalid. */
	public static final class Unauthorized extends ApiError {

		Unauthorized(ErrorResponse response) {
			super(response);
		}

	}

	/** 403: the API key lacks a permission. */
	public static final class Forbidden extends ApiError {

		Forbidden(ErrorResponse response) {
			super(response);
		}

	}

	/** 404: no such organization or domain. */
	public static final class NotFound extends ApiError {

		NotFound(ErrorResponse response) {
			super(response);
		}

	}

	/** 409: a domain is held by another organization. */
	public static final class Conflict extends ApiError {

		Conflict(ErrorResponse response) {
			super(response);
		}

	}

	/** 422: validation failed; see {@link #fieldErrors()}. */
	public static final class UnprocessableEntity extends ApiError {

		UnprocessableEntity(ErrorResponse response) {
			super(response);
		}

	}

	/**
	 * 429: rate limited; {@link #retryAfter()} tells when to try again, if WorkOS said.
	 */
	public static final class RateLimited extends ApiError {

		RateLimited(ErrorResponse response) {
			super(response);
		}

		public @Nullable Duration retryAfter() {
			return response().retryAfter();
		}

	}

	/** 5xx: WorkOS failed. */
	public static final class ServerError extends ApiError {

		ServerError(ErrorResponse response) {
			super(response);
		}

	}

	/** Any other non-2xx status, such as a redirect or 408. */
	public static final class UnexpectedStatus extends ApiError {

		UnexpectedStatus(ErrorResponse response) {
			super(response);
		}

	}

	/**
	 * No usable response: the connection failed, timed out or closed early, or a success
	 * body could not be read.
	 */
	public static final class TransportFailure extends WorkOsException {

		public TransportFailure(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * WorkOS answered 2xx with a body that is not what the endpoint promises: not JSON,
	 * not an object, the wrong {@code object} kind, no {@code id}, or another
	 * organization than the one asked for. Sending the same request again would get the
	 * same answer, so it is never retried; it does count against the circuit breaker.
	 */
	public static final class MalformedResponse extends WorkOsException {

		private final @Nullable String requestId;

		public MalformedResponse(String reason, @Nullable String requestId) {
			super("WorkOS answered with a malformed body: " + reason, null);
			this.requestId = requestId;
		}

		/** The {@code X-Request-ID} of the answer, for WorkOS support. */
		public @Nullable String requestId() {
			return this.requestId;
		}

	}

	/**
	 * The gateway did not call WorkOS at all, to protect it and itself: the circuit is
	 * open after repeated failures, or too many calls are already in flight.
	 */
	public static final class Rejected extends WorkOsException {

		private final Reason reason;

		public Rejected(Reason reason) {
			super(reason.message, null);
			this.reason = reason;
		}

		public Reason reason() {
			return this.reason;
		}

		/** Why the call was not made. */
		public enum Reason {

			/** WorkOS failed repeatedly; calls fail fast until a probe succeeds. */
			CIRCUIT_OPEN("WorkOS is failing; the gateway is not calling it for a while"),

			/** The cap on concurrent WorkOS calls is reached. */
			TOO_MANY_CONCURRENT_CALLS("Too many WorkOS calls are in flight");

			private final String message;

			Reason(String message) {
				this.message = message;
			}

		}

	}

	/**
	 * What WorkOS said in an error response.
	 *
	 * @param status HTTP status
	 * @param code WorkOS's machine-readable code, such as
	 * {@code external_id_already_used}
	 * @param message WorkOS's human-readable message
	 * @param fieldErrors per-field validation errors
	 * @param requestId the {@code X-Request-ID} response header
	 * @param retryAfter the {@code Retry-After} response header, parsed
	 */
	public record ErrorResponse(int status, @Nullable String code, @Nullable String message,
			List<FieldError> fieldErrors, @Nullable String requestId, @Nullable Duration retryAfter) {

		public ErrorResponse {
			fieldErrors = List.copyOf(fieldErrors);
		}

		/** The exception for this response: one subtype per status. */
		public ApiError toException() {
			if (this.status == 400) {
				return new BadRequest(this);
			}
			if (this.status == 401) {
				return new Unauthorized(this);
			}
			if (this.status == 403) {
				return new Forbidden(this);
			}
			if (this.status == 404) {
				return new NotFound(this);
			}
			if (this.status == 409) {
				return new Conflict(this);
			}
			if (this.status == 422) {
				return new UnprocessableEntity(this);
			}
			if (this.status == 429) {
				return new RateLimited(this);
			}
			if (this.status >= 500 && this.status <= 599) {
				return new ServerError(this);
			}
			return new UnexpectedStatus(this);
		}

	}

	/**
	 * One field that failed validation.
	 *
	 * @param field the wire name of the field, when WorkOS named it
	 * @param code the reason, such as {@code required}
	 * @param message a human-readable message, when WorkOS gave one
	 */
	public record FieldError(@Nullable String field, @Nullable String code, @Nullable String message) {
	}

}
