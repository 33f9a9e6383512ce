package com.organizationsgateway.local;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Local mode: no WorkOS key is configured ({@code workos.api-key} missing or blank).
 */
public class LocalModeCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String apiKey = context.getEnvironment().getProperty("workos.api-key");
		return apiKey == null || apiKey.isBlank();
	}

}
