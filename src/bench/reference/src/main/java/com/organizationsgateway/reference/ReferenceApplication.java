package com.organizationsgateway.reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The benchmark's reference: the gateway's stack (Spring for GraphQL on WebFlux and
 * Reactor Netty) answering the benchmark's queries from memory, with nothing else, to
 * show what that stack allows on the machine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReferenceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReferenceApplication.class, args);
	}

}
