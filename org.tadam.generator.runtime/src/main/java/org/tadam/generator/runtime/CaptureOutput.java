package org.tadam.generator.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** A large direct buffer in front of a channel: one system call per few megabytes. */
final class CaptureOutput {

	private static final int SIZE = 4 << 20;

	private final WritableByteChannel channel;
	private final ByteBuffer buffer = ByteBuffer.allocateDirect(SIZE);
	long written;

	CaptureOutput(WritableByteChannel channel) {
		this.channel = channel;
	}

	void write(byte[] bytes, int offset, int length) throws IOException {
		if (buffer.remaining() < length) {
			flush();
			if (length > SIZE) {
				drain(ByteBuffer.wrap(bytes, offset, length));
				written += length;
				return;
			}
		}
		buffer.put(bytes, offset, length);
		written += length;
	}

	void flush() throws IOException {
		buffer.flip();
		drain(buffer);
		buffer.clear();
	}

	private void drain(ByteBuffer b) throws IOException {
		while (b.hasRemaining()) {
			channel.write(b);
		}
	}
}
