package com.organizationsgateway.graphql.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What the manifest files looked like when read: their paths, sizes and modification
 * times. A different stamp means a file was added, removed, replaced or written since.
 *
 * @param files one entry per file: path, size and modification time
 */
record ManifestStamp(List<String> files) {

	/**
	 * The stamp of the manifests the configured paths stand for now.
	 * @throws TrustedDocumentsException when a path is missing or cannot be read
	 */
	static ManifestStamp of(List<Path> paths) {
		List<String> files = new ArrayList<>();
		for (Path file : ManifestReader.files(paths)) {
			try {
				// Follows links, so that a Kubernetes ConfigMap update (a swapped link)
				// shows.
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
				files.add(file + " " + attributes.size() + " " + attributes.lastModifiedTime().toInstant());
			}
			catch (IOException ex) {
				throw new TrustedDocumentsException(List.of(file + ": cannot be read (" + ex.getMessage() + ")"));
			}
		}
		return new ManifestStamp(List.copyOf(files));
	}

}
