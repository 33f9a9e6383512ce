package com.organizationsgateway.graphql.documents;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * One document of a manifest, as the manifest states it.
 *
 * @param id the document's id, such as {@code sha256:<hex>}, bare hex, or an id of the
 * client's own
 * @param body the document text
 * @param name the operation name, when the manifest gives one
 * @param file the manifest the entry comes from
 */
record ManifestEntry(String id, String body, @Nullable String name, Path file) {

	/** The entry as an error report names it. */
	String describe() {
		return this.id + ((this.name != null) ? " (" + this.name + ")" : "") + " in " + this.file;
	}

}
