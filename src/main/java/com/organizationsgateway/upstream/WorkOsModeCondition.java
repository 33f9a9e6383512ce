package com.organizationsgateway.upstream;

import com.organizationsgateway.local.LocalModeCondition;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The opposite of {@link LocalModeCondition}: a WorkOS key is configured.
 */
class WorkOsModeCondition implements Condition {

	private final LocalModeCondition localMode = new LocalModeCondition();

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !this.localMode.matches(context, metadata);
	}

}
