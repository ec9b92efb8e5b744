package org.tadam.generator.runtime;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal: share done, bytes, bytes/s, packets/s and the time left, redrawn in place
 * at most five times a second and erased at the end. A generator jar depends on the JDK only, so this is drawn here
 * rather than with a progress-bar library; GeneratorMain shows it only when System.console() is not null, so a run
 * whose output is piped or redirected prints nothing but its summary.
 */
final class TerminalProgress implements Progress {

	private static final long REDRAW_NANOS = 200_000_000L;
	private static final int WIDTH = 24;

	private final PrintStream err;
	private final long connections;
	private final long startNanos;
	private final long durationNanos;
	private final long began = System.nanoTime();
	private long drawn = began;
	private int shown;

	TerminalProgress(PrintStream err, GeneratorSettings settings) {
		this.err = err;
		this.connections = settings.connections;
		this.startNanos = settings.startNanos;
		this.durationNanos = settings.durationNanos;
	}

	@Override
	public void update(long bytes, long packets, long generated, long captureNanos) {
		long now = System.nanoTime();
		if (now - drawn < REDRAW_NANOS) {
			return;
		}
		drawn = now;
		String line = line(bytes, packets, done(generated, captureNanos), (now - began) / 1e9);
		err.print('\r' + line + " ".repeat(Math.max(0, shown - line.length())));
		err.flush();
		shown = line.length();
	}

	/** Erases the bar, so that the summary line starts on a clean line. */
	void finish() {
		if (shown > 0) {
			err.print('\r' + " ".repeat(shown) + '\r');
			err.flush();
			shown = 0;
		}
	}

	/** Share of the run done: the larger of the connections' and the capture time's, the bounds that were given. */
	double done(long generated, long captureNanos) {
		double share = 0;
		if (connections > 0) {
			share = (double) generated / connections;
		}
		if (durationNanos > 0) {
			share = Math.max(share, (double) (Math.min(captureNanos, startNanos + durationNanos) - startNanos) / durationNanos);
		}
		return Math.max(0, Math.min(1, share));
	}

	static String line(long bytes, long packets, double done, double seconds) {
		int filled = (int) Math.round(done * WIDTH);
		double rate = seconds > 0 ? bytes / seconds : 0;
		String eta = done > 0 && seconds > 0 ? clock(seconds * (1 - done) / done) : "--:--";
		return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %s  %s/s  %.2f M packets/s  ETA %s", "#".repeat(filled),
				"-".repeat(WIDTH - filled), 100 * done, size(bytes), size(rate), seconds > 0 ? packets / seconds / 1e6 : 0, eta);
	}

	private static String size(double bytes) {
		return bytes >= 1e9 ? String.format(Locale.ROOT, "%.2f GB", bytes / 1e9) : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
	}

	private static String clock(double seconds) {
		long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
				: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
