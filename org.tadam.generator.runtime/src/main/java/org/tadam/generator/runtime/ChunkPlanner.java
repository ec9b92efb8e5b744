package org.tadam.generator.runtime;

import java.util.function.Supplier;

/**
 * Cuts the run into chunks of consecutive connections with their start times, and sizes them after the bytes per
 * connection seen so far, so that a window's buffer holds about {@link #TARGET_BYTES} whatever the scenario. The cuts change
 * which buffer a packet passes through, never its place in the capture, so they need not be reproducible.
 */
final class ChunkPlanner {

	/**
	 * Bytes a window aims at: writes large enough that system calls cost nothing, while the chunks in flight (a few
	 * per thread) stay in the caches between generation and merge.
	 */
	static final long TARGET_BYTES = 512 << 10;
	static final int FIRST_SIZE = 256;
	static final int MIN_SIZE = 64;
	static final int MAX_SIZE = 16384;

	private final Arrivals arrivals;
	private final long limit;
	private final long end;
	private final long skip;
	private long drawn;
	private long nextIndex;
	private long nextStart;
	private boolean primed;
	private boolean exhausted;
	private int size = FIRST_SIZE;
	private long bytesWritten;
	private long connectionsWritten;

	ChunkPlanner(GeneratorSettings settings) {
		this.arrivals = new Arrivals(settings);
		this.limit = settings.lastConnection <= 0 ? settings.connections
				: settings.connections <= 0 ? settings.lastConnection : Math.min(settings.connections, settings.lastConnection);
		this.end = settings.durationNanos > 0 ? settings.startNanos + settings.durationNanos : Long.MAX_VALUE;
		this.skip = Math.max(0, settings.firstConnection);
	}

	/** Connections the next chunk will have at most. */
	int nextSize() {
		return size;
	}

	/** The end of the capture: no packet at or after it is written. */
	long end() {
		return end;
	}

	/**
	 * The next chunk, or null when the run has no more connections.
	 *
	 * @param reused a finished connection's buffer to fill again, or null when none is free
	 */
	Chunk nextChunk(Supplier<ConnectionPackets> reused, ArrayPool arrays) {
		if (!primed) {
			// a shard's connections keep the numbers and start times they have in the whole run
			for (long i = 0; i < skip && !exhausted; i++) {
				advance();
			}
			nextIndex = drawn;
			advance();
			primed = true;
		}
		if (exhausted) {
			return null;
		}
		long[] starts = arrays.longs(size);
		int n = 0;
		while (n < size && !exhausted) {
			starts[n++] = nextStart;
			advance();
		}
		ConnectionPackets[] connections = arrays.packets(n);
		for (int i = 0; i < n; i++) {
			// cleared by the generating thread, not here
			ConnectionPackets c = reused.get();
			connections[i] = c != null ? c : new ConnectionPackets();
		}
		Chunk c = new Chunk(nextIndex, starts, connections, arrays.longs(n), arrays.list(n), n, exhausted ? end : nextStart,
				exhausted);
		nextIndex += n;
		return c;
	}

	/** A window was written: the next chunks are sized after the bytes per connection so far. */
	void written(long bytes, int connections) {
		bytesWritten += bytes;
		connectionsWritten += connections;
		if (bytesWritten > 0) {
			size = (int) Math.max(MIN_SIZE, Math.min(MAX_SIZE, TARGET_BYTES * connectionsWritten / bytesWritten));
		}
	}

	private void advance() {
		if (limit > 0 && drawn >= limit) {
			exhausted = true;
			return;
		}
		long start = arrivals.next();
		if (start >= end) {
			exhausted = true;
			return;
		}
		drawn++;
		nextStart = start;
	}
}
