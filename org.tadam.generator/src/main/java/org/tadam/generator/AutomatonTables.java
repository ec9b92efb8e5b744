package org.tadam.generator;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.tadam.capture.flow.TrackerOptions;
import org.tadam.capture.payload.PayloadClassifier;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.EndSymbol;
import org.tadam.model.Gaussian;
import org.tadam.model.IatUnit;
import org.tadam.model.L4Protocol;
import org.tadam.model.NoiseRates;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.SizeUnit;
import org.tadam.model.State;
import org.tadam.model.TextPayload;
import org.tadam.model.VariantRange;
import org.tadam.model.WeightedBytes;
import org.tadam.model.WeightedLength;
import org.tadam.model.WeightedText;
import org.tadam.model.derived.PayloadVariants;
import org.tadam.model.derived.Symbols;

/**
 * An automaton flattened into the arrays the runtime's AutomatonModel takes: states numbered in model order, edges
 * grouped by source state, payload pools numbered in edge order. The templates only print these numbers.
 */
public final class AutomatonTables {

	/** Constants of org.tadam.generator.runtime.AutomatonModel (not referenced: the generator does not depend on it). */
	static final int END = -1;
	static final int PAYLOAD_EMPTY = 0;
	static final int PAYLOAD_RANDOM = 1;
	static final int PAYLOAD_TEXT = 2;
	static final int PAYLOAD_REPLAY = 3;
	static final int IAT_CONTINUOUS = 4;

	/**
	 * One payload pool: weighted lengths of random payloads, or weighted byte strings. {@code variants}: per entry,
	 * its payload variants as a bit set (null when the pool has none);
	 * {@code framing}: how random payloads start (null: all random); {@code segments}: per entry the first segment of
	 * bytes joined from several (0: one segment), null when none is.
	 */
	public record Pool(boolean strings, int[] weights, int[] lengths, byte[][] data, long[][] variants, Framing framing,
			int[] places, int[] segments) {
	}

	/** A random payload's header and length field (offset -1: none), as the model's RandomPayload says. */
	public record Framing(byte[] header, int offset, int width, int plus) {
	}

	public final Automaton automaton;
	public final List<State> states;
	public final List<Edge> edges = new ArrayList<>();
	public final int initialState;
	public final int[] stateFirstEdge;
	public final int[] target;
	public final double[] probability;
	public final int[] payload;
	public final int[] flags;
	public final boolean[] backward;
	public final int[] pool;
	/** Per edge: mean iat, mean size, var iat, cov(iat, size), var size. */
	public final double[] distribution;
	public final List<Pool> pools = new ArrayList<>();
	/** Per edge: its number in the model (the order of the file), which label files name. */
	public final int[] edgeIds;
	/** Per edge the payload variants that took it (BitSet.toLongArray); empty: every variant. */
	public final long[][] edgeVariants;
	/**
	 * Per edge the letters at which the training connections of some of its variants took it, as runs of four: first
	 * variant, last variant, first letter, last letter; empty: the edge's own bounds for every variant.
	 */
	public final int[][] variantPlaces;
	/** The tokens the edges' symbols name and the pool entries answer, each once, in the order first met. */
	public final List<String> tokens = new ArrayList<>();
	/** Per edge the index in {@link #tokens} of its symbol's token; -1: none. */
	public final int[] edgeToken;
	/**
	 * Per pool, per entry the index in {@link #tokens} of the other side's message it answered ({@code after}), -1:
	 * none; an empty array for a pool none of whose entries names one.
	 */
	public final List<int[]> poolAnswers = new ArrayList<>();
	/** Per edge the earliest and latest letters training connections took it at; -1: no bound. */
	public final int[] firstLetter;
	public final int[] lastLetter;
	/** The learned noise rates: missing, spurious, duplicated, swapped (zeros when the model has none). */
	public final double[] noise = new double[4];

	public AutomatonTables(Automaton automaton) {
		this.automaton = automaton;
		this.states = List.copyOf(automaton.getStates());
		int initial = 0;
		stateFirstEdge = new int[states.size() + 1];
		for (int s = 0; s < states.size(); s++) {
			State state = states.get(s);
			if (state.isInitial()) {
				initial = s;
			}
			stateFirstEdge[s] = edges.size();
			for (Edge edge : automaton.getEdges()) {
				if (edge.getSource() == state) {
					edges.add(edge);
				}
			}
		}
		stateFirstEdge[states.size()] = edges.size();
		initialState = initial;
		int n = edges.size();
		target = new int[n];
		probability = new double[n];
		payload = new int[n];
		flags = new int[n];
		backward = new boolean[n];
		pool = new int[n];
		distribution = new double[5 * n];
		edgeIds = new int[n];
		edgeVariants = new long[n][];
		variantPlaces = new int[n][];
		edgeToken = new int[n];
		firstLetter = new int[n];
		lastLetter = new int[n];
		Map<Edge, Integer> fileOrder = new IdentityHashMap<>();
		for (Edge edge : automaton.getEdges()) {
			fileOrder.put(edge, fileOrder.size());
		}
		for (int e = 0; e < n; e++) {
			Edge edge = edges.get(e);
			edgeIds[e] = fileOrder.get(edge);
			edgeVariants[e] = PayloadVariants.of(edge.getVariants()).toLongArray();
			variantPlaces[e] = edge.getVariants().stream().filter(r -> r.getFirstLetter() >= 0 && r.getLastLetter() >= 0)
					.flatMapToInt(r -> java.util.stream.IntStream.of(r.getFirst(), r.getLast() < 0 ? r.getFirst() : r.getLast(),
							r.getFirstLetter(), r.getLastLetter()))
					.toArray();
			firstLetter[e] = edge.getFirstLetter();
			lastLetter[e] = edge.getLastLetter();
			target[e] = states.indexOf(edge.getTarget());
			probability[e] = edge.getProbability();
			pool[e] = -1;
			edgeToken[e] = -1;
			if (edge.getSymbol() instanceof EndSymbol) {
				payload[e] = END;
				continue;
			}
			PacketSymbol symbol = (PacketSymbol) edge.getSymbol();
			payload[e] = payloadKind(symbol.getPayloadClass());
			flags[e] = Symbols.flagBits(symbol.getFlags());
			backward[e] = symbol.getDirection() == org.tadam.model.Direction.BACKWARD;
			edgeToken[e] = symbol.getToken() == null ? -1 : token(symbol.getToken());
			distribution(edge.getDistribution(), e);
			if (edge.getPayload() != null) {
				pool[e] = pools.size();
				pools.add(pool(edge));
				poolAnswers.add(answers(edge));
			}
		}
		restoreCutEntries();
		NoiseRates rates = automaton.getNoise();
		if (rates != null) {
			noise[0] = rates.getMissing();
			noise[1] = rates.getSpurious();
			noise[2] = rates.getDuplicated();
			noise[3] = rates.getSwapped();
		}
	}

	private void distribution(Gaussian gaussian, int e) {
		if (gaussian == null || gaussian.getMean().isEmpty()) {
			return;
		}
		List<Double> mean = gaussian.getMean();
		List<Double> cov = gaussian.getCovariance();
		distribution[5 * e] = mean.get(0);
		distribution[5 * e + 2] = cov.isEmpty() ? 0 : cov.get(0);
		if (mean.size() >= 2 && cov.size() >= 3) {
			distribution[5 * e + 1] = mean.get(1);
			distribution[5 * e + 3] = cov.get(1);
			// upper triangle row by row: the second diagonal element follows the first row
			distribution[5 * e + 4] = cov.get(mean.size());
		}
	}

	/** Replaces the entries the capture cut by their restored form (see CutPayloads). */
	private void restoreCutEntries() {
		int cut = 0;
		for (Pool p : pools) {
			for (int i = 0; p.strings() && i < p.data().length; i++) {
				cut = joined(p, i) ? cut : Math.max(cut, p.data()[i].length);
			}
		}
		for (int e = 0; e < pool.length; e++) {
			Pool p = pool[e] < 0 ? null : pools.get(pool[e]);
			for (int i = 0; p != null && p.strings() && i < p.data().length; i++) {
				if (joined(p, i)) {
					continue; // whole messages joined from segments: never cut, nor a body that follows
				}
				byte[] entry = p.data()[i];
				byte[] restored = CutPayloads.completeHttp(entry, bytes(distribution[5 * e + 1]
						+ 3 * Math.sqrt(Math.max(0, distribution[5 * e + 4])) + 1));
				p.data()[i] = restored != entry ? restored
						: CutPayloads.completeCut(entry, cut, bytes(distribution[5 * e + 1]), payload[e] == PAYLOAD_TEXT);
			}
		}
	}

	private static boolean joined(Pool p, int i) {
		return p.segments() != null && p.segments()[i] > 0;
	}

	/** Bytes of a size value in the model's unit. */
	private double bytes(double size) {
		return sizeUnit() == SizeUnit.DECILOG_BYTES_VALUE ? Math.pow(10, size / 10) : size;
	}

	/** The index of {@code token} in {@link #tokens}, added when new. */
	private int token(String token) {
		int i = tokens.indexOf(token);
		if (i < 0) {
			tokens.add(token);
			i = tokens.size() - 1;
		}
		return i;
	}

	/** Per entry of the edge's pool the token it answered (see {@link #poolAnswers}). */
	private int[] answers(Edge edge) {
		List<String> answered = edge.getPayload() instanceof ReplayPayload replay
				? replay.getEntries().stream().map(WeightedBytes::getAnswers).toList()
				: edge.getPayload() instanceof TextPayload text ? text.getEntries().stream().map(WeightedText::getAnswers).toList()
						: List.of();
		if (answered.stream().allMatch(java.util.Objects::isNull)) {
			return new int[0];
		}
		return answered.stream().mapToInt(a -> a == null ? -1 : token(a)).toArray();
	}

	private static Pool pool(Edge edge) {
		if (edge.getPayload() instanceof RandomPayload random) {
			List<WeightedLength> entries = random.getLengths();
			int[] weights = entries.stream().mapToInt(w -> Math.max(0, w.getWeight())).toArray();
			int[] lengths = entries.stream().mapToInt(w -> Math.max(0, Math.min(65000, w.getLength()))).toArray();
			Framing framing = random.getHeader() == null ? null
					: new Framing(random.getHeader(), random.getLengthOffset(), random.getLengthWidth(), random.getLengthPlus());
			return new Pool(false, weights, lengths, null, variants(entries.stream().map(WeightedLength::getVariants).toList()),
					framing, null, null);
		}
		if (edge.getPayload() instanceof ReplayPayload replay) {
			List<WeightedBytes> entries = replay.getEntries();
			return new Pool(true, entries.stream().mapToInt(w -> Math.max(0, w.getWeight())).toArray(), null, entries.stream()
					.map(w -> w.getData() == null ? new byte[0] : w.getData()).toArray(byte[][]::new),
					variants(entries.stream().map(WeightedBytes::getVariants).toList()), null,
					places(entries.stream().map(w -> new int[] { w.getFirstLetter(), w.getLastLetter() }).toList()),
					entries.stream().allMatch(w -> w.getSegment() <= 0) ? null
							: entries.stream().mapToInt(w -> Math.max(0, w.getSegment())).toArray());
		}
		List<WeightedText> entries = ((TextPayload) edge.getPayload()).getEntries();
		return new Pool(true, entries.stream().mapToInt(w -> Math.max(0, w.getWeight())).toArray(), null, entries.stream()
				.map(w -> (w.getText() == null ? "" : w.getText()).getBytes(StandardCharsets.UTF_8))
				.toArray(byte[][]::new), variants(entries.stream().map(WeightedText::getVariants).toList()), null,
				places(entries.stream().map(w -> new int[] { w.getFirstLetter(), w.getLastLetter() }).toList()), null);
	}

	/** The entries' letter bounds, first and last per entry (-1: none), or null when no entry has any. */
	private static int[] places(List<int[]> bounds) {
		if (bounds.stream().allMatch(b -> b[0] < 0 && b[1] < 0)) {
			return null;
		}
		return bounds.stream().flatMapToInt(java.util.Arrays::stream).toArray();
	}

	/** The entries' variant bit sets, or null when no entry names a variant. */
	private static long[][] variants(List<? extends List<VariantRange>> ranges) {
		if (ranges.stream().allMatch(List::isEmpty)) {
			return null;
		}
		return ranges.stream().map(r -> PayloadVariants.of(r).toLongArray()).toArray(long[][]::new);
	}

	static int payloadKind(PayloadClass payloadClass) {
		if (payloadClass == null) {
			return PAYLOAD_EMPTY;
		}
		return switch (payloadClass) {
			case RANDOM -> PAYLOAD_RANDOM;
			case TEXT -> PAYLOAD_TEXT;
			case REPLAY -> PAYLOAD_REPLAY;
			default -> PAYLOAD_EMPTY;
		};
	}

	/** The model gives each weighted variant its shortest and longest connection (the generator's VariantPins.lengths). */
	public boolean variantLengths() {
		int n = automaton.getVariantWeights().size();
		return n > 0 && automaton.getVariantShortest().size() == n && automaton.getVariantLongest().size() == n;
	}

	/**
	 * The level of the randomness test the model's payload classes were drawn by (its provenance records one other
	 * than Part B's 0.05, `tadam learn --random-alpha`): the generator gives a random letter bytes that pass the test
	 * at that level, a replay letter bytes that fail it.
	 */
	public double randomAlpha() {
		String options = automaton.getProvenance() == null ? null : automaton.getProvenance().getOptions();
		double alpha;
		try {
			alpha = TrackerOptions.randomAlphaOf(options);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("model " + automaton.getName() + ": " + e.getMessage(), e);
		}
		if (!(alpha > 0 && alpha < 1)) {
			throw new IllegalArgumentException(
					"model " + automaton.getName() + ": provenance option random-alpha=" + alpha + " must lie strictly between 0 and 1");
		}
		return alpha;
	}

	/** Whether the model's classes were drawn at Part B's level, which the generator assumes unless told. */
	public boolean defaultRandomAlpha() {
		return randomAlpha() == PayloadClassifier.DEFAULT_ALPHA;
	}

	/** The largest χ² statistic of a random payload at the model's level ({@link #randomAlpha}). */
	public double randomCriticalValue() {
		return PayloadClassifier.criticalValue(randomAlpha());
	}

	/** TCP connections that all closed normally (the model's outcome is SF). */
	public boolean closesNormally() {
		return isTcp() && "SF".equals(automaton.getOutcome());
	}

	public boolean isTcp() {
		return automaton.getProtocol() != L4Protocol.UDP;
	}

	/**
	 * Runtime constant of the iat unit: 0 decilog-µs, 1 µs, 2 ms, plus {@link #IAT_CONTINUOUS} when the times are
	 * continuous.
	 */
	public int iatUnit() {
		if (automaton.getQuantisation() == null) {
			return IatUnit.DECILOG_MICROS_VALUE;
		}
		return automaton.getQuantisation().getIat().getValue() + (automaton.getQuantisation().isContinuousIat() ? IAT_CONTINUOUS : 0);
	}

	/** Runtime constant of the size unit: 0 bytes, 1 decilog-bytes. */
	public int sizeUnit() {
		return automaton.getQuantisation() == null ? SizeUnit.BYTES_VALUE : automaton.getQuantisation().getSize().getValue();
	}

	/** How an edge is written in a comment: {@code s0 -> s1 SA<}. */
	public String label(int e) {
		Edge edge = edges.get(e);
		return JavaNames.comment(edge.getSource().getName() + " -> " + edge.getTarget().getName() + " "
				+ Symbols.toText(edge.getSymbol()));
	}

	/**
	 * The pool kinds of the runtime's PayloadPool: strings 2 (3 with variants, 7 with variants, none listed but as
	 * empty sets, and letter bounds, 8 with those and first segments), lengths 1, 4 framed, 5 and 6 with variants.
	 */
	private static int kind(Pool p) {
		if (p.strings()) {
			return p.segments() != null ? 8 : p.places() != null ? 7 : p.variants() != null ? 3 : 2;
		}
		return p.framing() != null ? p.variants() != null ? 6 : 4 : p.variants() != null ? 5 : 1;
	}

	/** The pools in the resource format read by the runtime's PayloadPool.read. */
	public byte[] poolResource() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(0x5444504C);
			out.writeInt(pools.size());
			for (Pool p : pools) {
				out.writeByte(kind(p));
				out.writeInt(p.weights().length);
				for (int i = 0; i < p.weights().length; i++) {
					out.writeInt(p.weights()[i]);
					if (p.strings()) {
						out.writeInt(p.data()[i].length);
						out.write(p.data()[i]);
					} else {
						out.writeInt(p.lengths()[i]);
					}
					boolean bounded = p.places() != null || p.segments() != null;
					if (p.variants() != null) {
						out.writeInt(p.variants()[i].length);
						for (long word : p.variants()[i]) {
							out.writeLong(word);
						}
					} else if (bounded) {
						out.writeInt(0);
					}
					if (bounded) {
						out.writeInt(p.places() != null ? p.places()[2 * i] : -1);
						out.writeInt(p.places() != null ? p.places()[2 * i + 1] : -1);
					}
					if (p.segments() != null) {
						out.writeInt(p.segments()[i]);
					}
				}
				if (p.framing() != null) {
					out.writeInt(p.framing().header().length);
					out.write(p.framing().header());
					out.writeInt(p.framing().offset());
					out.writeInt(p.framing().width());
					out.writeInt(p.framing().plus());
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}
}
