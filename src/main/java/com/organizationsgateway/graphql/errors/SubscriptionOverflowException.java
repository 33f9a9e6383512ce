package com.organizationsgateway.graphql.errors;

/**
 * A subscriber fell further behind than its buffer allows; its subscription ends with
 * {@link ErrorCode#LIMIT_EXCEEDED} so that it knows to subscribe again and re-read,
 * rather than silently missing changes.
 */
public class SubscriptionOverflowException extends RuntimeException {

	public SubscriptionOverflowException(int bufferSize) {
		super("The subscriber fell more than " + bufferSize
				+ " changes behind and was dropped; subscribe again and re-read what it watches");
	}

}
