package com.organizationsgateway.web;

import java.util.List;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * Boot's JSON mapper (customized as Boot does it), over a JSON factory whose buffers are
 * kept per thread. Jackson 3's default pool only gets a buffer back when it is released
 * explicitly, which Spring Framework 7.0.8's JSON encoder does not do
 * (spring-projects/spring-framework#37059), so every response allocated about 18 KB of
 * fresh buffers. The encoder and decoder run on the server's few event-loop threads, so
 * one set of buffers per thread is all they need.
 */
@Configuration(proxyBeanMethods = false)
class JsonBufferRecyclingConfiguration {

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	JsonMapper.Builder bufferRecyclingJsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
		JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
		JsonMapper.Builder builder = JsonMapper.builder(factory);
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

}
