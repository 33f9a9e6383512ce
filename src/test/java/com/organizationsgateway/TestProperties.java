package com.organizationsgateway;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * A settings record bound the way the app binds it, from its own prefix, so that tests
 * get the defaults stated in the record ({@code @DefaultValue}) instead of restating
 * them.
 */
public final class TestProperties {

	private TestProperties() {
	}

	/**
	 * The record with its defaults, overridden by {@code settings}: pairs of a name
	 * relative to the record's prefix ({@code "max-size"}) and its value.
	 */
	public static <T> T bind(Class<T> type, String... settings) {
		ConfigurationProperties annotation = AnnotatedElementUtils.findMergedAnnotation(type,
				ConfigurationProperties.class);
		if (annotation == null || settings.length % 2 != 0) {
			throw new IllegalArgumentException("Need a @ConfigurationProperties type and name-value pairs");
		}
		String prefix = annotation.prefix();
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < settings.length; i += 2) {
			values.put(prefix + "." + settings[i], settings[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
	}

}
