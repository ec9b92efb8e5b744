package org.tadam.generator.runtime;

import java.util.function.IntPredicate;

/**
 * One compiled automaton: its transition structure as flat arrays (edges of state s are
 * {@code stateFirstEdge[s] .. stateFirstEdge[s+1]-1}), one alias table per state for O(1) edge choice, the
 * per-edge distributions over [iat, size] reduced to what conditional sampling needs, and its payload pools.
 */
public final class AutomatonModel {

	public static final int TCP = 6;
	public static final int UDP = 17;

	public static final int IAT_DECILOG_MICROS = 0;
	public static final int IAT_MICROS = 1;
	public static final int IAT_MILLIS = 2;
	/**
	 * Added to the iat unit: the model's iat Gaussians were fitted on the times themselves, not on their integer
	 * cells, and a time is drawn as it is ({@link Walk#iat}).
	 */
	public static final int IAT_CONTINUOUS = 4;
	public static final int SIZE_BYTES = 0;
	public static final int SIZE_DECILOG_BYTES = 1;

	public static final int PAYLOAD_EMPTY = 0;
	public static final int PAYLOAD_RANDOM = 1;
	public static final int PAYLOAD_TEXT = 2;
	public static final int PAYLOAD_REPLAY = 3;
	/** Edge kind of the end-of-connection letter $. */
	public static final int END = -1;

	final String name;
	final int protocol;
	final int iatUnit;
	final int sizeUnit;
	final int initialState;
	final int[] stateFirstEdge;
	final AliasTable[] stateChoice;
	final int[] edgeTarget;
	final int[] edgeFlags;
	final boolean[] edgeBackward;
	/** PAYLOAD_* or END. */
	final int[] edgePayload;
	/** Index into pools, -1 when the edge has none. */
	final int[] edgePool;
	final double[] meanIat;
	final double[] meanSize;
	/** Per edge the sizes a payload's size is taken within for its gap: mean -+ {@link #SIZE_SDS} sd. */
	private final double[] sizeLow;
	private final double[] sizeHigh;
	final double[] sizeSd;
	/** Slope of E[iat | size] in size, and the standard deviation of iat given size. */
	final double[] iatSlope;
	final double[] iatSd;
	final int[] ports;
	final PayloadPool[] pools;
	final double[] edgeProbability;
	/** Learned noise rates per letter: missing, spurious, duplicated, swapped (all 0 when the model has none). */
	final double[] noise;
	/** State names and the edges' numbers in the model file, for label files. */
	final String[] stateNames;
	final int[] edgeIds;
	/** TcpConversation.firstSpeaker of this automaton, or of its training connections ({@link #firstPayloads}). */
	int firstSpeaker;
	/** A payload of the model exceeds an Ethernet MSS: the capture came from a path of large segments (loopback). */
	final boolean largeSegments;
	/** The model's connections all closed normally (outcome SF): a walk does not end with a side still open. */
	boolean closesNormally;
	/** A text edge has no pool (the capture kept none of its bytes): it needs printable filler. */
	final boolean textWithoutPool;
	/** A TCP model with HTTP/1.x heads in its pools: their Content-Length is set to the body sent (HttpBodies). */
	final boolean httpHeads;
	/**
	 * Per state: every letter of it sends a message from a pool of variants (PayloadChoice checks such a state
	 * against the connection's messages before a letter leads into it; other states never contradict them).
	 */
	final boolean[] sendsOnlyVariantMessages;
	/** Per edge, TcpConversation's rule masks: the edge is legal when (state & mask) == want. Zero for $ and UDP. */
	final int[] edgeRuleMask;
	final int[] edgeRuleWant;
	/** Per side: the first empty FIN+ACK and pure ACK edges the side sends, -1 when none; they time a close. */
	final int[] finEdge = { -1, -1 };
	final int[] ackEdge = { -1, -1 };

	/** A model without noise rates, named states or edge numbers (tests and hand-built models). */
	public AutomatonModel(String name, int protocol, int iatUnit, int sizeUnit, int initialState, int[] stateFirstEdge,
			int[] edgeTarget, double[] edgeProbability, int[] edgePayload, int[] edgeFlags, boolean[] edgeBackward,
			int[] edgePool, double[] distribution, int[] ports, PayloadPool[] pools) {
		this(name, protocol, iatUnit, sizeUnit, initialState, stateFirstEdge, edgeTarget, edgeProbability, edgePayload,
				edgeFlags, edgeBackward, edgePool, distribution, ports, pools, new double[4], null, null);
	}

	/**
	 * @param distribution per edge five numbers: mean iat, mean size, var iat, cov(iat, size), var size (the
	 *        quantised units of the model)
	 * @param noise missing, spurious, duplicated and swapped rates per letter
	 * @param stateNames names of the states, null: their numbers
	 * @param edgeIds number of each edge in the model file, null: its position here
	 */
	public AutomatonModel(String name, int protocol, int iatUnit, int sizeUnit, int initialState, int[] stateFirstEdge,
			int[] edgeTarget, double[] edgeProbability, int[] edgePayload, int[] edgeFlags, boolean[] edgeBackward,
			int[] edgePool, double[] distribution, int[] ports, PayloadPool[] pools, double[] noise, String[] stateNames,
			int[] edgeIds) {
		this.name = name;
		this.protocol = protocol;
		this.iatUnit = iatUnit;
		this.sizeUnit = sizeUnit;
		this.initialState = initialState;
		this.stateFirstEdge = stateFirstEdge;
		this.edgeTarget = edgeTarget;
		this.edgeFlags = edgeFlags;
		this.edgeBackward = edgeBackward;
		this.edgePayload = edgePayload;
		this.edgePool = edgePool;
		this.ports = ports;
		this.pools = pools;
		this.edgeProbability = edgeProbability;
		if (noise.length != 4) {
			throw new IllegalArgumentException("four noise rates: missing, spurious, duplicated, swapped");
		}
		this.noise = noise.clone();
		int states = stateFirstEdge.length - 1;
		this.stateNames = stateNames != null ? stateNames : numbers("s", states);
		this.edgeIds = edgeIds != null ? edgeIds : identity(edgeTarget.length);
		stateChoice = new AliasTable[states];
		for (int s = 0; s < states; s++) {
			int from = stateFirstEdge[s];
			int to = stateFirstEdge[s + 1];
			double[] weights = new double[to - from];
			double total = 0;
			for (int e = from; e < to; e++) {
				weights[e - from] = Math.max(0, edgeProbability[e]);
				total += weights[e - from];
			}
			stateChoice[s] = total > 0 ? new AliasTable(weights) : null;
		}
		int edges = edgeTarget.length;
		meanIat = new double[edges];
		meanSize = new double[edges];
		sizeSd = new double[edges];
		iatSlope = new double[edges];
		iatSd = new double[edges];
		sizeLow = new double[edges];
		sizeHigh = new double[edges];
		for (int e = 0; e < edges; e++) {
			meanIat[e] = distribution[5 * e];
			meanSize[e] = distribution[5 * e + 1];
			sizeSd[e] = Math.sqrt(Math.max(0, distribution[5 * e + 4]));
			sizeLow[e] = meanSize[e] - SIZE_SDS * sizeSd[e];
			sizeHigh[e] = meanSize[e] + SIZE_SDS * sizeSd[e];
			iatSlope[e] = iatSlope(distribution, e);
			iatSd[e] = iatSd(distribution, e);
		}
		firstSpeaker = protocol == TCP ? TcpConversation.firstSpeaker(this) : TcpConversation.ANY_SPEAKER;
		largeSegments = largestPayload() > ETHERNET_MSS;
		boolean filler = false;
		for (int e = 0; e < edges; e++) {
			filler |= edgePayload[e] == PAYLOAD_TEXT && (edgePool[e] < 0 || !pools[edgePool[e]].isStrings());
		}
		textWithoutPool = filler;
		boolean heads = false;
		for (PayloadPool pool : pools) {
			heads |= protocol == TCP && pool.hasHttpHeads();
		}
		httpHeads = heads;
		sendsOnlyVariantMessages = new boolean[states];
		for (int s = 0; s < states; s++) {
			boolean only = stateFirstEdge[s + 1] > stateFirstEdge[s];
			for (int e = stateFirstEdge[s]; e < stateFirstEdge[s + 1]; e++) {
				int p = edgePool[e];
				only &= p >= 0 && pools[p].isStrings() && pools[p].hasVariants();
			}
			sendsOnlyVariantMessages[s] = only;
		}
		edgeRuleMask = new int[edges];
		edgeRuleWant = new int[edges];
		rules();
		for (int e = edges - 1; e >= 0; e--) {
			if (edgePayload[e] == PAYLOAD_EMPTY) {
				int side = edgeBackward[e] ? 1 : 0;
				finEdge[side] = edgeFlags[e] == (TcpConversation.FIN | TcpConversation.ACK) ? e : finEdge[side];
				ackEdge[side] = edgeFlags[e] == TcpConversation.ACK ? e : ackEdge[side];
			}
		}
	}

	/** TcpConversation's rules per edge, for the current {@link #firstSpeaker}. */
	private void rules() {
		for (int e = 0; e < edgeTarget.length && protocol == TCP; e++) {
			if (edgePayload[e] != END) {
				int side = edgeBackward[e] ? 1 : 0;
				boolean payload = edgePayload[e] != PAYLOAD_EMPTY;
				edgeRuleMask[e] = TcpConversation.ruleMask(side, edgeFlags[e], payload, firstSpeaker);
				edgeRuleWant[e] = TcpConversation.ruleWant(side, edgeFlags[e], payload, firstSpeaker);
			}
		}
	}

	/** Share of the training connections a side must have opened for the other side's first payload to wait. */
	static final double FIRST_SPEAKER_CONSENSUS = 0.95;

	/**
	 * Who spoke first in the training connections: {@code client} of them sent the first payload, {@code server}
	 * had the server send it. A side that opened {@link #FIRST_SPEAKER_CONSENSUS} of them speaks first (the other's
	 * data before it is repaired); otherwise either may, whatever the paths of the automaton say: an FTP data
	 * connection carries a download (server first) or an upload (client first), while the automaton's merged paths
	 * would make the majority a rule.
	 */
	public AutomatonModel firstPayloads(int client, int server) {
		if (protocol == TCP && client + server > 0) {
			double total = client + (double) server;
			firstSpeaker = client >= FIRST_SPEAKER_CONSENSUS * total ? 0
					: server >= FIRST_SPEAKER_CONSENSUS * total ? 1 : TcpConversation.ANY_SPEAKER;
			rules();
		}
		return this;
	}

	/**
	 * The largest χ² statistic of the randomness test that classed the model's payloads (RandomBytes), at the level
	 * the model was learned with.
	 */
	double randomCritical = RandomBytes.CRITICAL_VALUE;

	/** Sets the randomness test's largest statistic of a random payload, for a model learned at another level. */
	public AutomatonModel randomness(double criticalValue) {
		if (!(criticalValue > 0)) {
			throw new IllegalArgumentException("a randomness test's critical value must be positive");
		}
		randomCritical = criticalValue;
		return this;
	}

	/** Marks a model whose connections all closed normally; returns it. */
	public AutomatonModel closingNormally() {
		closesNormally = true;
		return this;
	}

	/** Where each edge may be taken ({@link LetterPlaces}); null: anywhere. */
	private LetterPlaces places;

	/**
	 * Bounds each edge to the letters at which training connections took it: the walk of a model whose states were
	 * merged could otherwise take an edge where none did (an MQTT client's DISCONNECT right after the CONNACK, before
	 * any PUBLISH), or go round a loop longer than any did.
	 */
	public AutomatonModel letterPositions(int[] first, int[] last) {
		if (first.length != edgeTarget.length || last.length != edgeTarget.length) {
			throw new IllegalArgumentException("one letter bound per edge");
		}
		places = new LetterPlaces(first, last, places == null ? null : places.variantPlaces);
		return this;
	}

	/** How far letter {@code k} lies from the letters at which training connections took edge {@code e}; 0: in place. */
	int placeDistance(int e, int k) {
		return places == null ? 0 : places.distance(e, k);
	}

	/**
	 * An edge of {@code state} that {@code allowed} accepts, among those nearest their place at letter {@code k}
	 * ({@link #placeDistance}), drawn with the edges' probabilities, those {@code preferred} accepts first; -1 when
	 * {@code allowed} accepts none.
	 */
	int drawNearest(int state, int k, Rng rng, IntPredicate allowed, IntPredicate preferred) {
		int nearest = Integer.MAX_VALUE;
		for (int e = stateFirstEdge[state]; e < stateFirstEdge[state + 1]; e++) {
			if (edgeProbability[e] > 0 && allowed.test(e)) {
				nearest = Math.min(nearest, placeDistance(e, k));
			}
		}
		if (nearest == Integer.MAX_VALUE) {
			return -1;
		}
		int distance = nearest;
		int drawn = drawEdge(state, rng, e -> allowed.test(e) && placeDistance(e, k) == distance && preferred.test(e));
		return drawn >= 0 ? drawn : drawEdge(state, rng, e -> allowed.test(e) && placeDistance(e, k) == distance);
	}

	/** Whether edge {@code e} may be the walk's letter {@code k} (0: the first). */
	boolean inPlace(int e, int k) {
		return places == null || places.inPlace(e, k);
	}

	/** Per edge the index of its symbol's token; null when no pool entry names a token it answered. */
	int[] edgeToken;

	/**
	 * The tokens of the edges' symbols ({@code edgeToken}, -1: none) and, per pool, per entry the token of the other
	 * side's message it answered in training ({@code poolAnswers}, -1: none; empty: none named): a message is drawn
	 * among the entries that answered the other side's last one when some did (a MySQL server's field list after a
	 * field-list request, not a query's result set).
	 */
	public AutomatonModel answers(int[] edgeToken, int[][] poolAnswers) {
		if (edgeToken.length != edgeTarget.length || poolAnswers.length != pools.length) {
			throw new IllegalArgumentException("one token per edge and one list of answers per pool");
		}
		boolean any = false;
		for (int p = 0; p < pools.length; p++) {
			if (poolAnswers[p].length > 0) {
				pools[p].answers(poolAnswers[p]);
				any = true;
			}
		}
		this.edgeToken = any ? edgeToken : null;
		return this;
	}

	/**
	 * Bounds each edge, for a walk pinned to a variant, to the letters at which that variant's training connections
	 * took it ({@code places}: per edge runs of four, first variant, last variant, first letter, last letter; an
	 * edge or a variant without: the edge's own bounds). The states the search merged let a pinned walk take its
	 * variant's letters in any order, within the bounds of all the connections that took them: a MySQL client's
	 * quit before its query, a TLS connection's end where the server's hello came in its own connections.
	 */
	public AutomatonModel variantPlaces(int[][] variantPlaces) {
		if (variantPlaces.length != edgeTarget.length) {
			throw new IllegalArgumentException("one list of variant places per edge");
		}
		int[][] kept = java.util.Arrays.stream(variantPlaces).allMatch(p -> p.length == 0) ? null : variantPlaces;
		places = new LetterPlaces(places == null ? null : places.first, places == null ? null : places.last, kept);
		return this;
	}

	/**
	 * Whether edge {@code e} may be letter {@code k} of a walk pinned to {@code variant} (-1: none): within the
	 * variant's places on the edge where it has some, otherwise within the edge's (see {@link #inPlace(int, int)}).
	 */
	boolean inPlace(int e, int variant, int k) {
		return places == null || places.inPlace(e, variant, k);
	}

	/** The payload variants connections start pinned to; null when the model has no variant weights. */
	VariantPins pins;
	/** Its edges of one state, target and symbol, with the variants that took one of them only; null: none. */
	ParallelEdges parallel;

	/**
	 * Connections start pinned to one payload variant, drawn on {@code weights} (training connections per variant),
	 * or unpinned with weight {@code unpinned} (see {@link VariantPins}); {@code edgeVariants} gives per edge the
	 * variants that took it (empty: every variant), which a pinned walk keeps to, null: none named.
	 */
	public AutomatonModel pinnedVariants(int[] weights, int unpinned, long[][] edgeVariants) {
		if (edgeVariants != null && edgeVariants.length != edgeTarget.length) {
			throw new IllegalArgumentException("one variant set per edge");
		}
		pins = VariantPins.of(weights, unpinned, edgeVariants, edgeProbability);
		int[] columns = java.util.Arrays.copyOf(weights, weights.length + 1);
		columns[weights.length] = unpinned;
		parallel = pins == null || edgeVariants == null ? null : ParallelEdges.of(this, edgeVariants, columns);
		return this;
	}

	/**
	 * The letters of each variant's shortest and longest training connection (in the order of the weights given to
	 * {@link #pinnedVariants}): a connection pinned to a variant ends no earlier, and ends where it can once it is
	 * that long. Call after {@link #pinnedVariants}.
	 */
	public AutomatonModel variantLengths(int[] shortest, int[] longest) {
		if (pins == null) {
			return this;
		}
		if (shortest.length != pins.variants || longest.length != pins.variants) {
			throw new IllegalArgumentException("one length range per variant");
		}
		pins.lengths(shortest, longest);
		return this;
	}

	/** Draws a range of letters on the training connections per range (LengthTarget); null: none given. */
	private AliasTable letterChoice;
	private int[] letterFirst;
	private int[] letterLast;

	/**
	 * How many training connections had {@code first[i]} to {@code last[i]} letters ({@code weights[i]}): a
	 * connection draws the length it aims at from these counts (LengthTarget).
	 */
	public AutomatonModel letterCounts(int[] weights, int[] first, int[] last) {
		if (first.length != weights.length || last.length != weights.length) {
			throw new IllegalArgumentException("one range of letters per weight");
		}
		long total = 0;
		for (int w : weights) {
			total += Math.max(0, w);
		}
		letterChoice = total > 0 ? new AliasTable(weights) : null;
		letterFirst = first.clone();
		letterLast = last.clone();
		return this;
	}

	/** A length drawn on the letter counts (a range's lengths alike); -1 when the model has none. */
	int drawLetters(Rng rng) {
		if (letterChoice == null) {
			return -1;
		}
		int i = letterChoice.sample(rng);
		int span = letterLast[i] - letterFirst[i];
		return span > 0 ? letterFirst[i] + rng.nextInt(span + 1) : letterFirst[i];
	}

	/** {@link #pinnedVariants(int[], int, long[][])} of a model whose edges name no variants. */
	public AutomatonModel pinnedVariants(int[] weights, int unpinned) {
		return pinnedVariants(weights, unpinned, null);
	}

	/** The MSS of IPv4 over Ethernet; IPv6's is 20 bytes less. */
	static final int ETHERNET_MSS = 1460;

	/** Longest payload an edge is expected to carry: pool entries, or the mean size of random edges without pool. */
	private double largestPayload() {
		double largest = 0;
		for (int e = 0; e < edgeTarget.length; e++) {
			if (edgePayload[e] == END || edgePayload[e] == PAYLOAD_EMPTY || edgeProbability[e] <= 0) {
				continue;
			}
			if (edgePool[e] >= 0) {
				largest = Math.max(largest, pools[edgePool[e]].longest());
			} else if (edgePayload[e] == PAYLOAD_RANDOM) {
				largest = Math.max(largest, sizeUnit == SIZE_DECILOG_BYTES ? Math.pow(10, meanSize[e] / 10) : meanSize[e]);
			}
		}
		return largest;
	}

	private static String[] numbers(String prefix, int n) {
		String[] names = new String[n];
		for (int i = 0; i < n; i++) {
			names[i] = prefix + i;
		}
		return names;
	}

	private static int[] identity(int n) {
		int[] ids = new int[n];
		for (int i = 0; i < n; i++) {
			ids[i] = i;
		}
		return ids;
	}

	public String name() {
		return name;
	}

	public int protocol() {
		return protocol;
	}

	/** Server ports the scenario may use for this automaton (the model's own when the scenario names none). */
	public int[] ports() {
		return ports.clone();
	}

	/** Index of the edge taken from {@code state}, or -1 when the state has no edge of positive probability. */
	int nextEdge(int state, Rng rng) {
		AliasTable choice = stateChoice[state];
		return choice == null ? -1 : stateFirstEdge[state] + choice.sample(rng);
	}

	/**
	 * An edge of {@code state} drawn with the edges' probabilities among those of positive probability that
	 * {@code allowed} accepts, or -1 when there is none: the walk's second choice when its first would break the
	 * conversation or the connection's payloads.
	 */
	int drawEdge(int state, Rng rng, IntPredicate allowed) {
		return drawEdge(state, rng, edgeProbability, allowed);
	}

	/**
	 * Like {@link #drawEdge}, with the weights {@code weight} in place of the edges' probabilities (those of a
	 * pinned walk, {@link VariantPins#pinnedWeight}).
	 */
	int drawEdge(int state, Rng rng, double[] weight, IntPredicate allowed) {
		if (stateFirstEdge[state + 1] - stateFirstEdge[state] > LISTED_FROM) {
			return drawListed(state, rng, weight, allowed);
		}
		double total = 0;
		for (int e = stateFirstEdge[state]; e < stateFirstEdge[state + 1]; e++) {
			if (weight[e] > 0 && allowed.test(e)) {
				total += weight[e];
			}
		}
		if (!(total > 0)) {
			return -1;
		}
		double u = rng.nextDouble() * total;
		int chosen = -1;
		for (int e = stateFirstEdge[state]; e < stateFirstEdge[state + 1]; e++) {
			if (weight[e] > 0 && allowed.test(e)) {
				chosen = e;
				u -= weight[e];
				if (u < 0) {
					break;
				}
			}
		}
		return chosen;
	}

	/**
	 * States with more edges than this list the accepted ones in one pass instead of asking {@code allowed} again
	 * while choosing: a hub state of a learned TLS model has up to 44 edges, and its predicates (payload variants,
	 * letter places) took 44 % of that model's generation. The same edges in the same order add to the same total,
	 * so both ways choose the same edge.
	 */
	static final int LISTED_FROM = 8;
	private static final ThreadLocal<int[]> LISTED = ThreadLocal.withInitial(() -> new int[64]);

	private int drawListed(int state, Rng rng, double[] weight, IntPredicate allowed) {
		int first = stateFirstEdge[state];
		int end = stateFirstEdge[state + 1];
		int[] listed = LISTED.get();
		if (listed.length < end - first) {
			listed = new int[end - first];
			LISTED.set(listed);
		}
		int n = 0;
		double total = 0;
		for (int e = first; e < end; e++) {
			if (weight[e] > 0 && allowed.test(e)) {
				listed[n++] = e;
				total += weight[e];
			}
		}
		if (!(total > 0)) {
			return -1;
		}
		double u = rng.nextDouble() * total;
		int chosen = -1;
		for (int i = 0; i < n; i++) {
			chosen = listed[i];
			u -= weight[chosen];
			if (u < 0) {
				break;
			}
		}
		return chosen;
	}

	/** Standard deviations of an edge's sizes a payload's size is taken within for its gap ({@link Walk#within}). */
	public static final double SIZE_SDS = 3;

	/** The model's size value of a payload of {@code length} bytes. */
	double quantisedSize(int length) {
		return sizeUnit == SIZE_DECILOG_BYTES ? Walk.decilogBytes(length) : length;
	}

	/** Payload length in bytes drawn from the marginal size distribution of an edge. */
	int sampleSize(int edge, Rng rng) {
		double value = meanSize[edge] + sizeSd[edge] * rng.nextGaussian();
		// a decilog-byte cell spans 26 %: a size drawn within the cell the value rounds to, as a gap is (Walk.nanos)
		double bytes = sizeUnit == SIZE_DECILOG_BYTES ? Math.pow(10, Walk.withinCell(value, rng) / 10) : value;
		return (int) Math.max(1, Math.min(65000, Math.round(bytes)));
	}

	/** Inter-arrival time in nanoseconds drawn from the iat distribution of an edge given the payload size. */
	long sampleIatNanos(int edge, int payloadLength, Rng rng) {
		double size = Walk.within(quantisedSize(payloadLength), sizeLow[edge], sizeHigh[edge]);
		return Walk.iat(iatUnit, meanIat[edge], iatSlope[edge], size, meanSize[edge], iatSd[edge], rng);
	}

	/** Slope of E[iat | size] in size of the edge whose five distribution numbers start at {@code 5 * e}. */
	public static double iatSlope(double[] distribution, int e) {
		double c = distribution[5 * e + 3];
		double vs = Math.max(0, distribution[5 * e + 4]);
		return vs > 1e-9 ? c / vs : 0;
	}

	/** Standard deviation of iat given size of the edge whose distribution numbers start at {@code 5 * e}. */
	public static double iatSd(double[] distribution, int e) {
		double vi = Math.max(0, distribution[5 * e + 2]);
		double c = distribution[5 * e + 3];
		double vs = Math.max(0, distribution[5 * e + 4]);
		return Math.sqrt(Math.max(1e-6, vs > 1e-9 ? vi - c * c / vs : vi));
	}
}
