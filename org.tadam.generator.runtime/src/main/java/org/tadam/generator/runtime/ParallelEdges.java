package org.tadam.generator.runtime;

import java.util.function.IntPredicate;

/**
 * Parallel edges: edges of one state into one state with one symbol, which the learner keeps apart by their
 * payloads (an SSH server's key-exchange reply with one host key or another), and per edge the variants whose
 * training connections took it and no other edge of its group. A combination of payload entries can gather
 * connections of several scripts (those whose entries the pools all dropped): pinned to it, a walk took either reply
 * whatever the client had sent (issue 13: 15 of 150 generated loopback SSH connections paired one client's key
 * exchange with another's server reply). Such a walk draws among the group on the connections of the variants that
 * took its letters so far ({@link WalkedVariants}) and one edge of the group only.
 */
final class ParallelEdges {
	/** Per edge the edges of its group (one array shared by them), null for an edge without a parallel one. */
	private final int[][] group;
	/** Per edge of a group the variants that took it and no other edge of the group, as bit sets. */
	private final long[][] own;
	/** Per variant (column of VariantPins, the unpinned one included) its training connections. */
	private final int[] weights;

	private ParallelEdges(int[][] group, long[][] own, int[] weights) {
		this.group = group;
		this.own = own;
		this.weights = weights;
	}

	/** The groups of {@code model} with {@code edgeVariants} and the variants' {@code weights}; null when it has none. */
	static ParallelEdges of(AutomatonModel model, long[][] edgeVariants, int[] weights) {
		int edges = model.edgeTarget.length;
		int[][] group = new int[edges][];
		long[][] own = new long[edges][];
		boolean any = false;
		for (int s = 0; s + 1 < model.stateFirstEdge.length; s++) {
			for (int e = model.stateFirstEdge[s]; e < model.stateFirstEdge[s + 1]; e++) {
				if (group[e] != null || model.edgePayload[e] == AutomatonModel.END) {
					continue;
				}
				int[] members = new int[0];
				for (int f = e; f < model.stateFirstEdge[s + 1]; f++) {
					if (parallel(model, e, f)) {
						members = java.util.Arrays.copyOf(members, members.length + 1);
						members[members.length - 1] = f;
					}
				}
				if (members.length < 2 || !named(edgeVariants, members)) {
					continue;
				}
				any = true;
				for (int f : members) {
					group[f] = members;
					own[f] = alone(edgeVariants, members, f);
				}
			}
		}
		return any ? new ParallelEdges(group, own, weights.clone()) : null;
	}

	private static boolean parallel(AutomatonModel model, int e, int f) {
		return model.edgeTarget[e] == model.edgeTarget[f] && model.edgeFlags[e] == model.edgeFlags[f]
				&& model.edgeBackward[e] == model.edgeBackward[f] && model.edgePayload[e] == model.edgePayload[f];
	}

	/** Whether every edge of the group names its variants (an edge that names none was taken by every variant). */
	private static boolean named(long[][] edgeVariants, int[] members) {
		for (int f : members) {
			if (edgeVariants[f].length == 0) {
				return false;
			}
		}
		return true;
	}

	/** The variants of edge {@code f} that took no other edge of its group. */
	private static long[] alone(long[][] edgeVariants, int[] members, int f) {
		long[] bits = edgeVariants[f].clone();
		for (int other : members) {
			if (other == f) {
				continue;
			}
			long[] theirs = edgeVariants[other];
			for (int i = 0; i < bits.length && i < theirs.length; i++) {
				bits[i] &= ~theirs[i];
			}
		}
		return bits;
	}

	/** Whether edge {@code e} has parallel edges. */
	boolean has(int e) {
		return group[e] != null;
	}

	/** How many edges of {@code e}'s group {@code pins} say {@code variant} took. */
	int taken(int e, VariantPins pins, int variant) {
		int n = 0;
		for (int f : group[e]) {
			if (pins.takes(f, variant)) {
				n++;
			}
		}
		return n;
	}

	/**
	 * An edge of {@code e}'s group that {@code allowed} accepts, drawn on the training connections of the variants of
	 * {@code walked} that took it and no other of the group; {@code e} when none of them took any.
	 */
	int draw(int e, WalkedVariants walked, Rng rng, IntPredicate allowed) {
		int[] members = group[e];
		long total = 0;
		for (int f : members) {
			total += allowed.test(f) ? weight(own[f], walked) : 0;
		}
		if (total == 0) {
			return e;
		}
		long u = (long) (rng.nextDouble() * total);
		for (int f : members) {
			long w = allowed.test(f) ? weight(own[f], walked) : 0;
			if (u < w) {
				return f;
			}
			u -= w;
		}
		return e;
	}

	/** The training connections of the variants in both {@code bits} and {@code walked}. */
	private long weight(long[] bits, WalkedVariants walked) {
		long sum = 0;
		for (int i = 0; i < bits.length; i++) {
			for (long word = bits[i] & walked.word(i); word != 0; word &= word - 1) {
				int v = 64 * i + Long.numberOfTrailingZeros(word);
				sum += v < weights.length ? Math.max(0, weights[v]) : 0;
			}
		}
		return sum;
	}
}
