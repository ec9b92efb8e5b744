package org.tadam.generator.runtime;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The transition tables of one compiled automaton, read from a resource next to its class: in a resource rather
 * than in array literals, because a class's constants and each method's bytecode are limited to 64 KiB, which would
 * cap the number of edges. Written by the generator's TableResource, in this order.
 */
public final class ModelTables {

	static final int MAGIC = 0x54445442; // "TDTB"

	public final int[] stateFirstEdge;
	public final String[] stateNames;
	public final int[] edgeTarget;
	public final double[] edgeProbability;
	public final int[] edgePayload;
	public final int[] edgeFlags;
	public final boolean[] edgeBackward;
	public final int[] edgePool;
	public final double[] edgeDistribution;
	public final int[] edgeIds;
	/** Per edge the earliest and latest letters training connections took it at; -1: no bound. */
	public final int[] edgeFirstLetter;
	public final int[] edgeLastLetter;
	/** Per edge the payload variants that took it, as bit sets; empty: every variant. */
	public final long[][] edgeVariants;
	/**
	 * Per edge the letters at which the training connections of some of its variants took it, in runs of four: first
	 * variant, last variant, first letter, last letter; empty: the edge's bounds for every variant.
	 */
	public final int[][] edgeVariantPlaces;
	/** The tokens that edges name and pool entries answer. */
	public final String[] tokens;
	/** Per edge the index of its symbol's token in {@link #tokens}; -1: none. */
	public final int[] edgeToken;
	/** Per pool, per entry the token of the other side's message it answered (-1: none); empty: no entry names one. */
	public final int[][] poolAnswers;

	private ModelTables(DataInputStream in) throws IOException {
		if (in.readInt() != MAGIC) {
			throw new IOException("not a table resource");
		}
		int states = in.readInt();
		int edges = in.readInt();
		stateFirstEdge = ints(in, states + 1);
		stateNames = new String[states];
		for (int s = 0; s < states; s++) {
			stateNames[s] = in.readUTF();
		}
		edgeTarget = ints(in, edges);
		edgeProbability = doubles(in, edges);
		edgePayload = ints(in, edges);
		edgeFlags = ints(in, edges);
		edgeBackward = new boolean[edges];
		for (int e = 0; e < edges; e++) {
			edgeBackward[e] = in.readBoolean();
		}
		edgePool = ints(in, edges);
		edgeDistribution = doubles(in, 5 * edges);
		edgeIds = ints(in, edges);
		edgeFirstLetter = ints(in, edges);
		edgeLastLetter = ints(in, edges);
		edgeVariants = new long[edges][];
		for (int e = 0; e < edges; e++) {
			long[] words = new long[in.readInt()];
			for (int i = 0; i < words.length; i++) {
				words[i] = in.readLong();
			}
			edgeVariants[e] = words;
		}
		edgeVariantPlaces = new int[edges][];
		for (int e = 0; e < edges; e++) {
			edgeVariantPlaces[e] = ints(in, in.readInt());
		}
		tokens = new String[in.readInt()];
		for (int i = 0; i < tokens.length; i++) {
			tokens[i] = in.readUTF();
		}
		edgeToken = ints(in, edges);
		poolAnswers = new int[in.readInt()][];
		for (int p = 0; p < poolAnswers.length; p++) {
			poolAnswers[p] = ints(in, in.readInt());
		}
	}

	/** Loads the tables stored as a resource of a generated class. */
	public static ModelTables load(Class<?> owner, String resource) {
		try (InputStream in = owner.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource + " next to " + owner.getName());
			}
			return new ModelTables(new DataInputStream(new java.io.BufferedInputStream(in)));
		} catch (IOException e) {
			throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
		}
	}

	private static int[] ints(DataInputStream in, int n) throws IOException {
		int[] values = new int[n];
		for (int i = 0; i < n; i++) {
			values[i] = in.readInt();
		}
		return values;
	}

	private static double[] doubles(DataInputStream in, int n) throws IOException {
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = in.readDouble();
		}
		return values;
	}
}
