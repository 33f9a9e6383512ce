package com.organizationsgateway.local;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code gateway.workos.api-key} is missing or blank, that is when the
 * gateway runs against the embedded local API instead of WorkOS. Public so the app's
 * wiring can reuse exactly this rule.
 */
public class LocalModeCondition extends SpringBootCondition {

	/** The property that switches local mode off once it holds a key. */
	public static final String API_KEY_PROPERTY = "gateway.workos.api-key";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String apiKey = context.getEnvironment().getProperty(API_KEY_PROPERTY);
		if (apiKey == null || apiKey.isBlank()) {
			return ConditionOutcome.match(API_KEY_PROPERTY + " is blank: local Organizations API mode");
		}
		// never print the key itself
		return ConditionOutcome.noMatch(API_KEY_PROPERTY + " is set: talking to WorkOS");
	}

}
