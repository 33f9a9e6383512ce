package com.organizationsgateway.peers;

import java.util.UUID;

/**
 * This gateway instance's id on the Redis channel, new at every start, so that it skips
 * its own messages.
 *
 * @param value the id
 */
record InstanceId(String value) {

	static InstanceId random() {
		return new InstanceId(UUID.randomUUID().toString());
	}

}
