package org.tadam.generator.runtime;

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
	final double[] sizeSd;
	/** Slope of E[iat | size] in size, and the standard deviation of iat given size. */
	final double[] iatSlope;
	final double[] iatSd;
	final int[] ports;
	final PayloadPool[] pools;

	/**
	 * @param distribution per edge five numbers: mean iat, mean size, var iat, cov(iat, size), var size (the
	 *        quantised units of the model)
	 */
	public AutomatonModel(String name, int protocol, int iatUnit, int sizeUnit, int initialState, int[] stateFirstEdge,
			int[] edgeTarget, double[] edgeProbability, int[] edgePayload, int[] edgeFlags, boolean[] edgeBackward,
			int[] edgePool, double[] distribution, int[] ports, PayloadPool[] pools) {
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
		int states = stateFirstEdge.length - 1;
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
		for (int e = 0; e < edges; e++) {
			double mi = distribution[5 * e];
			double ms = distribution[5 * e + 1];
			double vi = Math.max(0, distribution[5 * e + 2]);
			double c = distribution[5 * e + 3];
			double vs = Math.max(0, distribution[5 * e + 4]);
			meanIat[e] = mi;
			meanSize[e] = ms;
			sizeSd[e] = Math.sqrt(vs);
			iatSlope[e] = vs > 1e-9 ? c / vs : 0;
			iatSd[e] = Math.sqrt(Math.max(1e-6, vs > 1e-9 ? vi - c * c / vs : vi));
		}
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

	/** The model's size value of a payload of {@code length} bytes. */
	double quantisedSize(int length) {
		if (sizeUnit == SIZE_DECILOG_BYTES) {
			return Math.round(10 * Math.log10(Math.max(1, length)));
		}
		return length;
	}

	/** Payload length in bytes drawn from the marginal size distribution of an edge. */
	int sampleSize(int edge, Rng rng) {
		double value = meanSize[edge] + sizeSd[edge] * rng.nextGaussian();
		double bytes = sizeUnit == SIZE_DECILOG_BYTES ? Math.pow(10, value / 10) : value;
		return (int) Math.max(1, Math.min(65000, Math.round(bytes)));
	}

	/** Inter-arrival time in nanoseconds drawn from the iat distribution of an edge given the payload size. */
	long sampleIatNanos(int edge, int payloadLength, Rng rng) {
		double mean = meanIat[edge] + iatSlope[edge] * (quantisedSize(payloadLength) - meanSize[edge]);
		double value = mean + iatSd[edge] * rng.nextGaussian();
		double micros;
		switch (iatUnit) {
			case IAT_DECILOG_MICROS:
				// 10 log10(µs): a Gaussian here is a log-normal on time; cap at 10 hours (value 106)
				micros = Math.exp(Math.min(value, 106) * (Math.log(10) / 10));
				break;
			case IAT_MILLIS:
				micros = Math.max(0, value) * 1000;
				break;
			default:
				micros = Math.max(0, value);
		}
		return (long) (micros * 1000);
	}
}
