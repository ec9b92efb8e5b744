package org.tadam.generator.runtime;

import java.time.Instant;
import java.util.Locale;

/**
 * What a run produced: counts, the span of the capture, the letters the TCP rules repaired (per
 * TcpConversation kind) and the noise operations applied (per NoiseInjector kind, all zero without noise).
 */
public record RunSummary(String scenario, long connections, long packets, long bytes, long firstNanos, long lastNanos,
		double seconds, long[] repairs, long[] noise) {

	public long repaired() {
		long sum = 0;
		for (long r : repairs) {
			sum += r;
		}
		return sum;
	}

	/** Letters repaired for one kind, by its name in summaries and label files (e.g. "duplicate-ack"). */
	public long repaired(String kind) {
		for (int k = 0; k < TcpConversation.KINDS; k++) {
			if (TcpConversation.NAMES[k].equals(kind)) {
				return repairs[k];
			}
		}
		throw new IllegalArgumentException("no repair kind " + kind);
	}

	/** The one-line summary a generator prints. */
	public String line() {
		double mb = bytes / 1e6;
		String span = packets == 0 ? "no packets"
				: Instant.ofEpochSecond(0, firstNanos) + " + " + String.format(Locale.ROOT, "%.3f s", (lastNanos - firstNanos) / 1e9);
		StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
				"%s: %d connections, %d packets, %.1f MB in %.2f s (%.1f MB/s, %.2f M packets/s), capture %s", scenario,
				connections, packets, mb, seconds, mb / Math.max(seconds, 1e-9), packets / 1e6 / Math.max(seconds, 1e-9), span));
		b.append(", ").append(repaired()).append(" letters repaired");
		counts(b, TcpConversation.NAMES, repairs);
		long noisy = 0;
		for (long n : noise) {
			noisy += n;
		}
		if (noisy > 0) {
			b.append(", noise");
			counts(b, NoiseInjector.NAMES, noise);
		}
		return b.toString();
	}

	private static void counts(StringBuilder b, String[] names, long[] counts) {
		String separator = " (";
		for (int k = 0; k < counts.length; k++) {
			if (counts[k] > 0) {
				b.append(separator).append(names[k]).append(' ').append(counts[k]);
				separator = ", ";
			}
		}
		if (!separator.equals(" (")) {
			b.append(')');
		}
	}
}
