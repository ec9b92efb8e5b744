package org.tadam.generator;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.tadam.model.State;

/**
 * An automaton's tables in the resource format the runtime's ModelTables reads (same order): a resource, not array
 * literals, so that no class or method limit of the JVM caps the number of states or edges.
 */
final class TableResource {

	private static final int MAGIC = 0x54445442; // "TDTB"

	private TableResource() {
	}

	static String name(String className) {
		return className + ".tables";
	}

	static byte[] of(AutomatonTables t) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			int edges = t.edges.size();
			out.writeInt(MAGIC);
			out.writeInt(t.states.size());
			out.writeInt(edges);
			ints(out, t.stateFirstEdge);
			for (State s : t.states) {
				out.writeUTF(s.getName() == null ? "" : s.getName());
			}
			ints(out, t.target);
			doubles(out, t.probability);
			ints(out, t.payload);
			ints(out, t.flags);
			for (boolean b : t.backward) {
				out.writeBoolean(b);
			}
			ints(out, t.pool);
			doubles(out, t.distribution);
			ints(out, t.edgeIds);
			ints(out, t.firstLetter);
			ints(out, t.lastLetter);
			// per edge the variants that took it: a word count, then the words (0: every variant)
			for (long[] words : t.edgeVariants) {
				out.writeInt(words.length);
				for (long w : words) {
					out.writeLong(w);
				}
			}
			// per edge the letters of some of its variants: a count of ints, then runs of four (ModelTables)
			for (int[] places : t.variantPlaces) {
				out.writeInt(places.length);
				ints(out, places);
			}
			// the tokens, per edge its token (-1: none), per pool a count then per entry the token it answered
			out.writeInt(t.tokens.size());
			for (String token : t.tokens) {
				out.writeUTF(token);
			}
			ints(out, t.edgeToken);
			out.writeInt(t.poolAnswers.size());
			for (int[] answers : t.poolAnswers) {
				out.writeInt(answers.length);
				ints(out, answers);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static void ints(DataOutputStream out, int[] values) throws IOException {
		for (int v : values) {
			out.writeInt(v);
		}
	}

	private static void doubles(DataOutputStream out, double[] values) throws IOException {
		for (double v : values) {
			out.writeDouble(v);
		}
	}
}
