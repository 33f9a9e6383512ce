package com.organizationsgateway.local;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches in local mode when the local API's webhooks are on but have neither
 * {@code gateway.local-api.webhooks.target-url} nor
 * {@code gateway.local-api.webhooks.secret}: the app may then give them a target through
 * {@link LocalWebhooks#deliverTo}. Public for the app's wiring.
 */
public class WebhookTargetUnsetCondition extends SpringBootCondition {

	private final LocalModeCondition localMode = new LocalModeCondition();

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (!this.localMode.matches(context, metadata)) {
			return ConditionOutcome.noMatch("not in local mode");
		}
		// Bound like the properties bean will be, so that the defaults are the record's.
		LocalApiProperties.Webhooks webhooks = Binder.get(context.getEnvironment())
			.bindOrCreate(LocalApiProperties.PREFIX + ".webhooks", LocalApiProperties.Webhooks.class);
		if (!webhooks.enabled()) {
			return ConditionOutcome.noMatch("gateway.local-api.webhooks.enabled is false");
		}
		if (webhooks.hasTarget() || webhooks.hasSecret()) {
			return ConditionOutcome.noMatch("the local API's webhook target is configured");
		}
		return ConditionOutcome.match("the local API's webhooks have no target configured");
	}

}
