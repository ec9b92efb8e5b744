package org.tadam.generator.runtime;

import java.util.ArrayList;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The arrays a run's chunks and windows need (start times, last times, window ranges, contributors, finished
 * connections), taken for a
 * chunk and given back once its window is merged ({@link ChunkQueue#merged}). A new set per window (some 60 KB on
 * the small-packet scenario) made the collector grow the heap run after run, and the first touches of its pages
 * cost 10 % of a one-thread run and 20 % of a two-thread one: measured against the same run on a heap touched in
 * advance. Shared by the run's threads, so its methods lock.
 */
final class ArrayPool {

	/** Arrays kept per kind: the chunks in flight and not yet merged, with room. */
	static final int KEPT = 64;

	private final Shelf<long[]> longs = new Shelf<>(long[]::new, a -> a.length);
	private final Shelf<int[]> ints = new Shelf<>(int[]::new, a -> a.length);
	private final Shelf<ConnectionPackets[]> packets = new Shelf<>(ConnectionPackets[]::new, a -> a.length);
	/** Lists of finished connections: any will do, each grows to what its windows need and keeps it. */
	private final Shelf<ArrayList<ConnectionPackets>> lists = new Shelf<>(ArrayList::new, a -> Integer.MAX_VALUE);

	/** A long[] of at least {@code n} elements, its contents left as they were. */
	synchronized long[] longs(int n) {
		return longs.take(n);
	}

	synchronized int[] ints(int n) {
		return ints.take(n);
	}

	/** A ConnectionPackets[] of at least {@code n} elements; those past what its user fills are stale. */
	synchronized ConnectionPackets[] packets(int n) {
		return packets.take(n);
	}

	/** An empty list. */
	synchronized ArrayList<ConnectionPackets> list(int n) {
		return lists.take(n);
	}

	synchronized void give(ArrayList<ConnectionPackets> a) {
		a.clear();
		lists.give(a);
	}

	synchronized void give(long[] a) {
		longs.give(a);
	}

	synchronized void give(int[] a) {
		ints.give(a);
	}

	synchronized void give(ConnectionPackets[] a) {
		packets.give(a);
	}

	/** Arrays of one kind: the first long enough is taken; a new one has a quarter more room than asked. */
	private static final class Shelf<T> {
		private final ArrayList<T> kept = new ArrayList<>();
		private final IntFunction<T> make;
		private final ToIntFunction<T> length;

		Shelf(IntFunction<T> make, ToIntFunction<T> length) {
			this.make = make;
			this.length = length;
		}

		T take(int n) {
			for (int i = kept.size() - 1; i >= 0; i--) {
				if (length.applyAsInt(kept.get(i)) >= n) {
					T a = kept.get(i);
					kept.set(i, kept.get(kept.size() - 1));
					kept.remove(kept.size() - 1);
					return a;
				}
			}
			return make.apply(Math.max(16, n + n / 4));
		}

		void give(T a) {
			if (a != null && kept.size() < KEPT) {
				kept.add(a);
			}
		}
	}
}
