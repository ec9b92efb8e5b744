package org.tadam.generator.runtime;

import java.util.Arrays;

/**
 * Binary min-heap of the connections of one merge window, keyed by (time of their next packet, connection index).
 * The cursors live here, not in the connections: a connection open across two windows is read by both windows'
 * merges, possibly at the same time on two threads.
 */
final class ConnectionHeap {
	private ConnectionPackets[] connection = new ConnectionPackets[64];
	/** Next record of each entry, and the end of its records in this window. */
	private int[] cursor = new int[64];
	private int[] limit = new int[64];
	private int size;

	void clear() {
		Arrays.fill(connection, 0, size, null);
		size = 0;
	}

	boolean isEmpty() {
		return size == 0;
	}

	long minTime() {
		return connection[0].times[cursor[0]];
	}

	ConnectionPackets top() {
		return connection[0];
	}

	int topCursor() {
		return cursor[0];
	}

	int topLimit() {
		return limit[0];
	}

	/** The entry after the top (a child of the root), or -1. */
	int runnerUp() {
		if (size < 2) {
			return -1;
		}
		return size > 2 && less(2, 1) ? 2 : 1;
	}

	long time(int entry) {
		return connection[entry].times[cursor[entry]];
	}

	long index(int entry) {
		return connection[entry].index;
	}

	/** Adds records {@code from .. to - 1} of {@code c} (from < to). */
	void push(ConnectionPackets c, int from, int to) {
		if (size == connection.length) {
			connection = Arrays.copyOf(connection, size * 2);
			cursor = Arrays.copyOf(cursor, size * 2);
			limit = Arrays.copyOf(limit, size * 2);
		}
		int i = size++;
		set(i, c, from, to);
		while (i > 0) {
			int parent = (i - 1) >>> 1;
			if (!less(i, parent)) {
				break;
			}
			swap(i, parent);
			i = parent;
		}
	}

	/** Moves the top's cursor to {@code next}: pops it when its records in the window are done, else re-sorts it. */
	void advanceTop(int next) {
		if (next >= limit[0]) {
			size--;
			set(0, connection[size], cursor[size], limit[size]);
			connection[size] = null;
			if (size == 0) {
				return;
			}
		} else {
			cursor[0] = next;
		}
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= size) {
				break;
			}
			if (child + 1 < size && less(child + 1, child)) {
				child++;
			}
			if (!less(child, i)) {
				break;
			}
			swap(i, child);
			i = child;
		}
	}

	private void set(int i, ConnectionPackets c, int from, int to) {
		connection[i] = c;
		cursor[i] = from;
		limit[i] = to;
	}

	private void swap(int a, int b) {
		ConnectionPackets c = connection[a];
		int from = cursor[a];
		int to = limit[a];
		set(a, connection[b], cursor[b], limit[b]);
		set(b, c, from, to);
	}

	private boolean less(int a, int b) {
		long ta = time(a);
		long tb = time(b);
		return ta < tb || ta == tb && connection[a].index < connection[b].index;
	}
}
