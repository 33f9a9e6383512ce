package com.organizationsgateway.reference;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the benchmark hands the reference app at startup.
 *
 * @param organizations a JSON array of organizations in the Organizations API's wire
 * format, newest first, as the gateway's local API listed them
 * @param staticResponse the bytes that {@code POST /static} answers
 */
@ConfigurationProperties("reference")
record ReferenceProperties(Path organizations, Path staticResponse) {

}
