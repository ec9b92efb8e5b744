package org.tadam.generator.runtime;

/** Walker/Vose alias table: draws an index with probability proportional to its weight in O(1). */
public final class AliasTable {

	private final double[] threshold;
	private final int[] alias;

	/** @param weights non-negative, at least one positive */
	public AliasTable(double[] weights) {
		int n = weights.length;
		if (n == 0) {
			throw new IllegalArgumentException("no weights");
		}
		double total = 0;
		for (double w : weights) {
			if (!(w >= 0) || Double.isInfinite(w)) {
				throw new IllegalArgumentException("weight " + w);
			}
			total += w;
		}
		if (!(total > 0)) {
			throw new IllegalArgumentException("all weights are zero");
		}
		threshold = new double[n];
		alias = new int[n];
		double[] scaled = new double[n];
		int[] small = new int[n];
		int[] large = new int[n];
		int smallCount = 0;
		int largeCount = 0;
		for (int i = 0; i < n; i++) {
			scaled[i] = weights[i] * n / total;
			if (scaled[i] < 1) {
				small[smallCount++] = i;
			} else {
				large[largeCount++] = i;
			}
		}
		while (smallCount > 0 && largeCount > 0) {
			int s = small[--smallCount];
			int l = large[--largeCount];
			threshold[s] = scaled[s];
			alias[s] = l;
			scaled[l] = scaled[l] + scaled[s] - 1;
			if (scaled[l] < 1) {
				small[smallCount++] = l;
			} else {
				large[largeCount++] = l;
			}
		}
		while (largeCount > 0) {
			int l = large[--largeCount];
			threshold[l] = 1;
			alias[l] = l;
		}
		while (smallCount > 0) {
			// only reached through rounding: these columns are (nearly) full
			int s = small[--smallCount];
			threshold[s] = 1;
			alias[s] = s;
		}
	}

	public AliasTable(int[] weights) {
		this(toDoubles(weights));
	}

	private static double[] toDoubles(int[] weights) {
		double[] d = new double[weights.length];
		for (int i = 0; i < d.length; i++) {
			d[i] = Math.max(0, weights[i]);
		}
		return d;
	}

	public int size() {
		return threshold.length;
	}

	/** Probability of keeping column {@code i} rather than taking its alias (1: the column is full). */
	public double threshold(int i) {
		return threshold[i];
	}

	public int alias(int i) {
		return alias[i];
	}

	public int sample(Rng rng) {
		long bits = rng.nextLong();
		int column = Walk.column(bits, threshold.length);
		return Walk.uniform(bits) < threshold[column] ? column : alias[column];
	}
}
