package org.tadam.generator.runtime;

import java.util.Arrays;

/** Binary min-heap of connections keyed by (time of their next packet, connection index). */
final class ConnectionHeap {
	private ConnectionPackets[] heap = new ConnectionPackets[64];
	private int size;

	boolean isEmpty() {
		return size == 0;
	}

	long minTime() {
		return heap[0].times[heap[0].cursor];
	}

	ConnectionPackets top() {
		return heap[0];
	}

	/** Next packet time of the best connection after the top (a child of the root), or MAX_VALUE. */
	long runnerUpTime() {
		ConnectionPackets r = runnerUp();
		return r == null ? Long.MAX_VALUE : r.times[r.cursor];
	}

	long runnerUpIndex() {
		ConnectionPackets r = runnerUp();
		return r == null ? Long.MAX_VALUE : r.index;
	}

	private ConnectionPackets runnerUp() {
		if (size < 2) {
			return null;
		}
		return size > 2 && less(heap[2], heap[1]) ? heap[2] : heap[1];
	}

	void push(ConnectionPackets c) {
		if (size == heap.length) {
			heap = Arrays.copyOf(heap, size * 2);
		}
		int i = size++;
		while (i > 0) {
			int parent = (i - 1) >>> 1;
			if (!less(c, heap[parent])) {
				break;
			}
			heap[i] = heap[parent];
			i = parent;
		}
		heap[i] = c;
	}

	void pop() {
		ConnectionPackets last = heap[--size];
		heap[size] = null;
		if (size > 0) {
			heap[0] = last;
			siftTop();
		}
	}

	void siftTop() {
		ConnectionPackets c = heap[0];
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= size) {
				break;
			}
			if (child + 1 < size && less(heap[child + 1], heap[child])) {
				child++;
			}
			if (!less(heap[child], c)) {
				break;
			}
			heap[i] = heap[child];
			i = child;
		}
		heap[i] = c;
	}

	private static boolean less(ConnectionPackets a, ConnectionPackets b) {
		long ta = a.times[a.cursor];
		long tb = b.times[b.cursor];
		return ta < tb || ta == tb && a.index < b.index;
	}
}
