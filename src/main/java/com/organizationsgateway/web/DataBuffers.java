package com.organizationsgateway.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/** Request bodies read whole, for the endpoints that need their exact bytes. */
public final class DataBuffers {

	private DataBuffers() {
	}

	/** The buffer's readable bytes; the buffer is released. */
	public static byte[] bytesOf(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
