package org.tadam.generator.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;

/**
 * Writes the merged windows in capture order. Into a file the run opened itself (or /dev/null), each window is
 * written at its own offset by a task any thread may run: on some machines (virtual ones) a write costs the kernel
 * time in proportion to its bytes, even into /dev/null (the benchmark's memory-copy ceiling shows it), so that one
 * writing thread would bound the run.
 * Into any other channel (a pipe, a caller's channel that may append) windows are written in order by the calling
 * thread, those finished together with one gathering write.
 */
final class WindowWriter {

	private final WritableByteChannel channel;
	/** Non-null when windows are written at their offsets. */
	private final FileChannel file;
	private final ExecutorService pool;
	private final ArrayDeque<FutureTask<ByteBuffer>> writing = new ArrayDeque<>();
	private long offset;

	/** @param positional the channel is a file (or /dev/null) the run opened for writing, never for appending */
	WindowWriter(WritableByteChannel channel, boolean positional, ExecutorService pool) {
		this.channel = channel;
		this.pool = pool;
		FileChannel f = positional && channel instanceof FileChannel c ? c : null;
		try {
			offset = f != null ? f.position() : 0;
		} catch (IOException e) {
			f = null; // no position to write at (a pipe): in order
		}
		this.file = f;
	}

	/** The file header, written before any window. */
	void header(byte[] header) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(header);
		if (file != null) {
			at(b, offset);
			offset += header.length;
		} else {
			drain(channel, b);
		}
	}

	/** Writes (or hands to writing tasks) the next {@code n} windows of the capture; returns their bytes. */
	long write(ByteBuffer[] windows, int n, ArrayDeque<ByteBuffer> reusable) throws IOException {
		long total = 0;
		for (int i = 0; i < n; i++) {
			total += windows[i].remaining();
		}
		if (file != null) {
			for (int i = 0; i < n; i++) {
				ByteBuffer b = windows[i];
				long at = offset;
				offset += b.remaining();
				FutureTask<ByteBuffer> task = new FutureTask<>(() -> at(b, at));
				if (pool != null) {
					pool.execute(task);
				}
				writing.add(task);
			}
			return total;
		}
		if (channel instanceof GatheringByteChannel gathering) {
			for (long left = total; left > 0;) {
				left -= gathering.write(windows, 0, n);
			}
		} else {
			for (int i = 0; i < n; i++) {
				drain(channel, windows[i]);
			}
		}
		for (int i = 0; i < n; i++) {
			reusable.add(windows[i]);
		}
		return total;
	}

	/** Hands the buffers of finished writes back; runs one write nobody has started when {@code help}. */
	boolean collect(ArrayDeque<ByteBuffer> reusable, boolean help) throws IOException {
		if (help) {
			for (FutureTask<ByteBuffer> task : writing) {
				task.run(); // does nothing when a worker has started or finished it
				if (task.isDone()) {
					break;
				}
			}
		}
		boolean any = false;
		while (!writing.isEmpty() && writing.peek().isDone()) {
			reusable.add(await(writing.poll()));
			any = true;
		}
		return any;
	}

	/** Windows whose buffers are still being written. */
	int pending() {
		return writing.size();
	}

	/** Runs or waits for the oldest write. */
	void awaitOldest(ArrayDeque<ByteBuffer> reusable) throws IOException {
		FutureTask<ByteBuffer> task = writing.poll();
		task.run();
		reusable.add(await(task));
	}

	/** Waits for every write, and leaves the file's position after the capture. */
	void finish(ArrayDeque<ByteBuffer> reusable) throws IOException {
		while (!writing.isEmpty()) {
			awaitOldest(reusable);
		}
		if (file != null) {
			file.position(offset);
		}
	}

	private ByteBuffer at(ByteBuffer b, long position) throws IOException {
		for (long p = position; b.hasRemaining();) {
			p += file.write(b, p);
		}
		return b;
	}

	static long drain(WritableByteChannel channel, ByteBuffer b) throws IOException {
		long n = b.remaining();
		while (b.hasRemaining()) {
			channel.write(b);
		}
		return n;
	}

	/** The task's result; an I/O failure (a full disk) as itself, so that it is reported in one line. */
	static <T> T await(FutureTask<T> task) throws IOException {
		try {
			return task.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		} catch (ExecutionException e) {
			if (e.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IllegalStateException("generation failed: " + e.getCause(), e.getCause());
		}
	}
}
