package org.tadam.generator.runtime;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The chunks of one run in flight and what its threads share: planning, the blocks left to generate, the oldest
 * window once it may take its place, the reuse of finished connections, the totals and the first failure. Its lock
 * guards the queues; the totals are touched only while placing a window, which one thread at a time does, in
 * window order.
 */
final class ChunkQueue {

	final Windows windows;
	/** Windows written in order into a channel that has no offsets (a pipe). */
	final Turn written = new Turn();
	private final Progress progress;
	private final ChunkPlanner planner;
	/** Chunks planned at most and not placed yet: the lookahead that keeps every thread busy. */
	private final int limit;
	/** Planned and not yet placed, in window order. */
	private final ArrayDeque<Chunk> flight = new ArrayDeque<>();
	/** Placed, in window order, whose finished connections wait for the merges that may read them. */
	private final ArrayDeque<Chunk> unmerged = new ArrayDeque<>();
	/**
	 * Finished connections' buffers, handed to the chunks planned next: a run allocates buffers for the
	 * connections open or in flight at one time only.
	 */
	private final ArrayDeque<ConnectionPackets> free = new ArrayDeque<>();
	private long planned;
	private boolean exhausted;
	private boolean failed;
	private Throwable failure;
	/** Counts the changes a waiting thread may be waiting for: a chunk generated or placed, the end, a failure. */
	private volatile long events;
	long bytes;
	long packets;
	long generated;
	long first = Long.MAX_VALUE;
	long last = Long.MIN_VALUE;

	ChunkQueue(GeneratorSettings settings, Windows windows, Progress progress, long headerBytes, int limit) {
		this.planner = new ChunkPlanner(settings, free);
		this.windows = windows;
		this.progress = progress;
		this.bytes = headerBytes;
		this.limit = limit;
	}

	/** The oldest window, for the caller to place, merge and write, when it is generated and no thread took it. */
	synchronized Chunk takeDue() {
		Chunk oldest = flight.peek();
		if (failed || oldest == null || oldest.taken || !oldest.generated()) {
			return null;
		}
		oldest.taken = true;
		return oldest;
	}

	/** The oldest chunk with blocks left to generate, else a new one when the lookahead allows; or null. */
	synchronized Chunk toGenerate() {
		if (failed) {
			return null;
		}
		for (Chunk c : flight) {
			if (c.unclaimed()) {
				return c;
			}
		}
		if (exhausted || flight.size() >= limit) {
			return null;
		}
		Chunk c = planner.nextChunk();
		if (c == null) {
			exhausted = true;
			signal();
			return null;
		}
		c.number = planned++;
		flight.add(c);
		return c;
	}

	/** A chunk's last block is generated. */
	synchronized void generated() {
		signal();
	}

	/** While placing the window: its offset in the capture, the run's totals and progress. Returns the offset. */
	long place(Chunk c) {
		long offset = bytes;
		bytes += c.bytes;
		packets += c.packets;
		first = Math.min(first, c.first);
		last = Math.max(last, c.last);
		generated += c.connections.length;
		synchronized (this) {
			unmerged.add(c);
			planner.written(c.bytes, c.connections.length);
		}
		if (progress != null) {
			progress.update(bytes, packets, generated, c.windowEnd);
		}
		return offset;
	}

	/** The window has its place: the next one may take its own. */
	synchronized void placed(Chunk c) {
		if (flight.peek() == c) {
			flight.poll();
		}
		signal();
	}

	/**
	 * The window's bytes are in its buffer. A window's finished connections can be reused once it and every
	 * window before it, which may read them too, are merged.
	 */
	synchronized void merged(Chunk c) {
		c.merged = true;
		while (!unmerged.isEmpty() && unmerged.peek().merged) {
			free.addAll(unmerged.poll().finished);
		}
	}

	/** The count of changes, read before looking for work, so that {@link #await} misses none. */
	long events() {
		return events;
	}

	/** Waits for a change after {@code seen}; false when the run is over (no chunk left) or failed. */
	synchronized boolean await(long seen) throws InterruptedException {
		while (events == seen) {
			if (failed || exhausted && flight.isEmpty()) {
				return false;
			}
			wait();
		}
		return !failed;
	}

	private void signal() {
		events++;
		notifyAll();
	}

	/** Records the first failure and stops every thread. */
	void fail(Throwable e) {
		synchronized (this) {
			if (failure == null) {
				failure = e;
			}
			failed = true;
			signal();
		}
		written.abort();
	}

	/** The run's failure, if any: an I/O failure (a full disk) as itself, so that it is reported in one line. */
	synchronized void rethrow() throws IOException {
		if (failure == null) {
			return;
		}
		if (failure instanceof IOException io) {
			throw io;
		}
		if (failure instanceof java.io.UncheckedIOException u) {
			throw u.getCause();
		}
		throw new IllegalStateException("generation failed: " + failure, failure);
	}
}
