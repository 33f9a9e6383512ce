package com.organizationsgateway.graphql.documents;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trusted documents (persisted query lists): the manifests that list the operations
 * client teams ship, and what the gateway does with documents that are not listed.
 *
 * @param mode {@code off}, {@code log-unknown}, {@code safelist} or {@code require-id};
 * unset, it is {@code off} in local mode, and in WorkOS mode {@code safelist} when
 * manifests are configured, {@code off} otherwise
 * @param manifests manifest files, or directories whose {@code *.json} files are
 * manifests, in Apollo's persisted query manifest format or as a JSON map of ids to
 * documents
 * @param reloadInterval how often the manifests are checked for changes and reloaded;
 * zero never reloads them
 * @param clientNames the {@code apollographql-client-name} values that get their own tag
 * in the {@code graphql.trusted.documents} meter; empty admits the first
 * {@code max-client-names} names seen
 * @param maxClientNames the most client names tagged when {@code client-names} is empty;
 * later ones are tagged {@code other}
 */
@ConfigurationProperties("gateway.graphql.trusted-documents")
record TrustedDocumentsProperties(@Nullable TrustedDocumentsMode mode, @DefaultValue List<String> manifests,
		@DefaultValue("5s") Duration reloadInterval, @DefaultValue List<String> clientNames,
		@DefaultValue("20") int maxClientNames) {

	/** The mode in force, with the unset mode resolved for local or WorkOS mode. */
	TrustedDocumentsMode effectiveMode(boolean workOsMode) {
		if (this.mode != null) {
			return this.mode;
		}
		return (workOsMode && !this.manifests.isEmpty()) ? TrustedDocumentsMode.SAFELIST : TrustedDocumentsMode.OFF;
	}

}
