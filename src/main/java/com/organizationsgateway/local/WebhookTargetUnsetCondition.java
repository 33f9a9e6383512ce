package com.organizationsgateway.local;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches in local mode when the local API's webhooks are on but have neither
 * {@code local-api.webhooks.target-url} nor {@code local-api.webhooks.secret}: the app
 * may then give them a target through {@link LocalWebhooks#deliverTo}. Public for the
 * app's wiring.
 */
public class WebhookTargetUnsetCondition extends SpringBootCondition {

	private final LocalModeCondition localMode = new LocalModeCondition();

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (!this.localMode.matches(context, metadata)) {
			return ConditionOutcome.noMatch("not in local mode");
		}
		Environment environment = context.getEnvironment();
		if (!environment.getProperty("local-api.webhooks.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("local-api.webhooks.enabled is false");
		}
		if (isSet(environment, "local-api.webhooks.target-url") || isSet(environment, "local-api.webhooks.secret")) {
			return ConditionOutcome.noMatch("the local API's webhook target is configured");
		}
		return ConditionOutcome.match("the local API's webhooks have no target configured");
	}

	private static boolean isSet(Environment environment, String property) {
		String value = environment.getProperty(property);
		return value != null && !value.isBlank();
	}

}
