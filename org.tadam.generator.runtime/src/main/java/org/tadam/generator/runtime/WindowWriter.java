package org.tadam.generator.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Writes the merged windows. Into a file the run opened itself (or /dev/null), each window is written at its own
 * offset by the thread that merged it, in any order: a write into a file costs the kernel time in proportion to its
 * bytes (a copy into the page cache), so that one writing thread would bound the run. Into any other channel (a
 * pipe, a caller's channel that may append) windows are written in capture order, each in its turn.
 */
final class WindowWriter {

	private final WritableByteChannel channel;
	/** Non-null when windows are written at their offsets. */
	private final FileChannel file;
	/** Where the capture starts in the file. */
	private final long origin;

	/** @param positional the channel is a file (or /dev/null) the run opened for writing, never for appending */
	WindowWriter(WritableByteChannel channel, boolean positional) {
		this.channel = channel;
		FileChannel f = positional && channel instanceof FileChannel c ? c : null;
		long at = 0;
		try {
			at = f != null ? f.position() : 0;
		} catch (IOException e) {
			f = null; // no position to write at (a pipe): in order
		}
		this.file = f;
		this.origin = at;
	}

	/** Windows are written at their offsets, by any thread in any order, rather than in their turns. */
	boolean positional() {
		return file != null;
	}

	/** Writes bytes of the capture: at {@code offset} from its start when positional, else after those written. */
	void write(ByteBuffer b, long offset) throws IOException {
		if (file != null) {
			for (long p = origin + offset; b.hasRemaining();) {
				p += file.write(b, p);
			}
		} else {
			while (b.hasRemaining()) {
				channel.write(b);
			}
		}
	}

	/** Leaves a positional file's position after the capture of {@code bytes}. */
	void finish(long bytes) throws IOException {
		if (file != null) {
			file.position(origin + bytes);
		}
	}
}
