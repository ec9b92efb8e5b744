package org.tadam.generator.runtime;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The chunks of one run in flight and what its threads share: planning, the blocks left to generate, the oldest
 * window once it may take its place, the reuse of finished connections, the totals and the first failure. Its lock
 * guards the queues; the totals are touched only while placing a window, which one thread at a time does, in
 * window order.
 * <p>
 * Each thread (a slot, 0 to threads - 1) generates the chunks it planned and merges their windows itself, and gets
 * back the buffers of the connections its merges read last: a connection's bytes then stay in one core's caches from
 * generation to merge to reuse. When blocks and windows went to whichever thread asked first (issue 15), 46 % of
 * the bytes a two-thread mix run merged had been generated on the other core, and 45 % of its connections were
 * written into buffers the other core had merged last. A thread takes another's blocks when its own window waits for
 * that chunk or the lookahead is full, and another's window when its thread does not come for it (descheduled) or
 * nothing else is left, so that one slow thread holds up no other.
 */
final class ChunkQueue {

	final Windows windows;
	/** The arrays of the chunks in flight, reused once their windows are merged. */
	final ArrayPool arrays = new ArrayPool();
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
	 * Finished connections' buffers per slot, handed to the chunks that slot plans next: a run allocates buffers for
	 * the connections open or in flight at one time only.
	 */
	private final ArrayDeque<ConnectionPackets>[] free;
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

	ChunkQueue(GeneratorSettings settings, Windows windows, Progress progress, long headerBytes, int limit, int slots) {
		this(settings, windows, progress, headerBytes, limit, slots, PATIENCE_NANOS);
	}

	/** @param patienceNanos {@link #PATIENCE_NANOS}, but in tests */
	@SuppressWarnings("unchecked")
	ChunkQueue(GeneratorSettings settings, Windows windows, Progress progress, long headerBytes, int limit, int slots,
			long patienceNanos) {
		this.patienceNanos = patienceNanos;
		this.planner = new ChunkPlanner(settings);
		this.free = new ArrayDeque[slots];
		for (int i = 0; i < slots; i++) {
			free[i] = new ArrayDeque<>();
		}
		this.windows = windows;
		this.progress = progress;
		this.bytes = headerBytes;
		this.limit = limit;
	}

	/**
	 * How long a generated window waits for its own thread before another one whose generated window waits behind it
	 * takes it: a block takes some 40 µs, after which its thread comes for it. Generating ahead meanwhile pushed the
	 * waiting window's bytes out of the core's cache before its merge (9 blocks of 32 connections in between on
	 * average, under load); taking the older window at once took it from its thread, there to take it microseconds
	 * later, in almost half the windows.
	 */
	static final long PATIENCE_NANOS = 100_000;
	final long patienceNanos;

	/**
	 * The oldest window, for the caller to place, merge and write, when it is generated and no thread took it, and
	 * {@code slot} owns it, or {@code any}, or a generated window of its own waits behind it and its thread has not
	 * come for it within the patience (descheduled).
	 */
	synchronized Chunk takeDue(int slot, boolean any) {
		Chunk oldest = flight.peek();
		if (failed || oldest == null || oldest.taken || !oldest.generated()) {
			return null;
		}
		if (!any && oldest.owner != slot
				&& !(oldest.generatedAt != 0 && System.nanoTime() - oldest.generatedAt > patienceNanos
						&& generatedBehind(slot))) {
			return null;
		}
		oldest.taken = true;
		return oldest;
	}

	/** Some chunk of {@code slot}'s own in flight is generated. */
	private boolean generatedBehind(int slot) {
		for (Chunk c : flight) {
			if (c.owner == slot && c.generated()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A chunk for {@code slot} to generate blocks of, or null: the oldest of its own with blocks left; else, when a
	 * window of its own waits for an older chunk, the oldest with blocks left; else a new chunk of its own when the
	 * lookahead allows; else the oldest with blocks left.
	 */
	synchronized Chunk toGenerate(int slot) {
		if (failed) {
			return null;
		}
		Chunk oldestUnclaimed = null;
		boolean waiting = false;
		for (Chunk c : flight) {
			if (c.unclaimed()) {
				if (c.owner == slot) {
					return c;
				}
				if (oldestUnclaimed == null) {
					oldestUnclaimed = c;
				}
			} else if (c.owner == slot && oldestUnclaimed != null) {
				waiting = true; // own blocks all taken, behind another's chunk with blocks left
			}
		}
		if (waiting || exhausted || flight.size() >= limit) {
			return oldestUnclaimed;
		}
		int spare = planner.nextSize();
		Chunk c = planner.nextChunk(() -> reused(slot, spare), arrays);
		if (c == null) {
			exhausted = true;
			signal();
			return oldestUnclaimed;
		}
		c.number = planned++;
		c.owner = slot;
		flight.add(c);
		return c;
	}

	/**
	 * A finished connection's buffer for a chunk of {@code slot}: the one its merges read last, still in its core's
	 * cache; else the one free the longest in another thread's list holding more than {@code spare}; else null, for a
	 * new one. A thread's list often lacks the window it just merged, released once the other thread's merge of the
	 * window before is done: new buffers cover that once, and a list that grows (its thread merged another's windows)
	 * lends its coldest.
	 */
	private ConnectionPackets reused(int slot, int spare) {
		ConnectionPackets c = free[slot].pollLast();
		for (int i = 0; c == null && i < free.length; i++) {
			if (free[i].size() > spare) {
				c = free[i].pollFirst();
			}
		}
		return c;
	}

	/** The chunk's last block is generated. */
	synchronized void generated(Chunk c) {
		if (c.generatedAt == 0) {
			c.generatedAt = System.nanoTime();
		}
		signal();
	}

	/** While placing the window: its offset in the capture, the run's totals and progress. Returns the offset. */
	long place(Chunk c) {
		long offset = bytes;
		bytes += c.bytes;
		packets += c.packets;
		first = Math.min(first, c.first);
		last = Math.max(last, c.last);
		generated += c.size;
		synchronized (this) {
			unmerged.add(c);
			planner.written(c.bytes, c.size);
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
	synchronized void merged(Chunk c, int slot) {
		c.merged = true;
		c.merger = slot;
		while (!unmerged.isEmpty() && unmerged.peek().merged) {
			Chunk oldest = unmerged.poll();
			free[oldest.merger].addAll(oldest.finished);
			oldest.release(arrays);
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
