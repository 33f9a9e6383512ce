package com.organizationsgateway.peers;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when Redis is configured; see {@link RedisSettings}. */
class RedisConfiguredCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return RedisSettings.configured(context.getEnvironment());
	}

}
