package org.tadam.fosr.convert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which edges lie on a cycle. Only those can be traversed more than once by one connection, so only there do
 * Fos-R's counts (distinct training flows through the edge) and TADAM's (traversals) differ.
 */
final class EdgeCycles {

	private EdgeCycles() {
	}

	/** Indices of the edges {@code src[i] → dst[i]} whose source is reachable from their target. */
	static List<Integer> onCycles(int[] src, int[] dst) {
		Map<Integer, List<Integer>> successors = new HashMap<>();
		for (int i = 0; i < src.length; i++) {
			successors.computeIfAbsent(src[i], k -> new ArrayList<>()).add(dst[i]);
		}
		Map<Integer, Set<Integer>> reachable = new HashMap<>();
		List<Integer> out = new ArrayList<>();
		for (int i = 0; i < src.length; i++) {
			if (reachable.computeIfAbsent(dst[i], s -> reach(s, successors)).contains(src[i])) {
				out.add(i);
			}
		}
		return out;
	}

	private static Set<Integer> reach(int start, Map<Integer, List<Integer>> successors) {
		Set<Integer> seen = new HashSet<>();
		Deque<Integer> todo = new ArrayDeque<>();
		seen.add(start);
		todo.add(start);
		while (!todo.isEmpty()) {
			for (int next : successors.getOrDefault(todo.poll(), List.of())) {
				if (seen.add(next)) {
					todo.add(next);
				}
			}
		}
		return seen;
	}

	/** "1 edge", "3 edges". */
	static String edges(int n) {
		return n + (n == 1 ? " edge" : " edges");
	}

	/** {@code $.edges[0], [3], [7]}: a compact list of edge paths for one report line. */
	static String paths(List<Integer> edges) {
		StringBuilder out = new StringBuilder();
		for (int k = 0; k < edges.size(); k++) {
			if (k == 8) {
				return out.append(" and ").append(edges.size() - 8).append(" more").toString();
			}
			out.append(k == 0 ? "$.edges[" : ", [").append(edges.get(k)).append(']');
		}
		return out.toString();
	}
}
