package com.organizationsgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the gateway: GraphQL over the WorkOS Organizations API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrganizationsGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrganizationsGatewayApplication.class, args);
	}

}
