package org.tadam.cli;

import java.io.PrintWriter;

import org.tadam.capture.LiveCapture;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress display of a live capture on stderr: a first line saying what is captured for how
 * long, then packets, connections (ended and open) and the time left, as a progress bar over the
 * duration on a terminal, otherwise a plain line at most every few seconds (as {@link LearnProgress}).
 */
final class CaptureProgress implements LiveCapture.Progress, AutoCloseable {
	private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

	private final String command;
	private final String device;
	private final long durationNanos;
	private final PrintWriter err;
	private final ProgressBar bar;
	private long lastLine;

	CaptureProgress(String command, LiveCapture live, PrintWriter err, boolean enabled) {
		this.command = command;
		this.device = live.device();
		this.durationNanos = live.duration().toNanos();
		this.err = err;
		// even without progress: the one line that says the program waits, how long, and how to stop it
		err.printf("tadam %s: capturing on %s for %s (Ctrl-C ends the capture earlier)%n", command, device,
				time(durationNanos));
		err.flush();
		if (enabled && System.console() != null) {
			bar = new ProgressBarBuilder().setTaskName("capture " + device)
					.setInitialMax(Math.max(1, live.duration().toSeconds())).setUnit(" s", 1)
					.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().hideEta()
					.setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
		} else {
			bar = null;
		}
		// the first plain line comes one interval in: the line above says that the capture started
		lastLine = enabled ? System.nanoTime() : Long.MAX_VALUE;
	}

	@Override
	public void update(long packets, long connections, long elapsedNanos) {
		String message = packets + " packets, " + connections + " connections, "
				+ time(Math.max(0, durationNanos - elapsedNanos)) + " left";
		if (bar != null) {
			bar.stepTo(Math.min(bar.getMax(), elapsedNanos / 1_000_000_000L));
			bar.setExtraMessage(message);
			return;
		}
		long now = System.nanoTime();
		if (lastLine != Long.MAX_VALUE && now - lastLine >= PLAIN_INTERVAL_NANOS && elapsedNanos < durationNanos) {
			lastLine = now;
			err.printf("tadam %s: capturing on %s: %s%n", command, device, message);
			err.flush();
		}
	}

	/** 42 s, 4 min 05 s, 1 h 02 min. */
	static String time(long nanos) {
		long s = (nanos + 999_999_999L) / 1_000_000_000L;
		if (s < 60) {
			return s + " s";
		}
		if (s < 3600) {
			return String.format("%d min %02d s", s / 60, s % 60);
		}
		return String.format("%d h %02d min", s / 3600, s % 3600 / 60);
	}

	@Override
	public void close() {
		if (bar != null) {
			bar.close();
		}
	}
}
