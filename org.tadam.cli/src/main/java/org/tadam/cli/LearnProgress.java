package org.tadam.cli;

import java.io.PrintWriter;

import org.tadam.learner.search.ProgressListener;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress display of {@code tadam learn} on stderr: a live progress bar (current cost,
 * operations applied, elapsed time) on a terminal, otherwise a plain line at most every few seconds.
 */
final class LearnProgress implements ProgressListener, AutoCloseable {
	private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

	private final String task;
	private final PrintWriter err;
	private final ProgressBar bar;
	private final long start = System.nanoTime();
	private long lastLine;

	LearnProgress(String task, PrintWriter err, boolean enabled) {
		this.task = task;
		this.err = err;
		if (enabled && System.console() != null) {
			bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
					.setUpdateIntervalMillis(250).continuousUpdate().hideEta()
					.setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
		} else {
			bar = null;
		}
		lastLine = enabled ? 0 : Long.MAX_VALUE;
	}

	@Override
	public void progress(int iteration, double bits, String operation, int candidates) {
		String message = String.format("%.1f bits, %d ops (%s)", bits, iteration, operation);
		if (bar != null) {
			bar.stepTo(iteration);
			bar.setExtraMessage(message);
			return;
		}
		long now = System.nanoTime();
		if (lastLine != Long.MAX_VALUE && now - lastLine >= PLAIN_INTERVAL_NANOS) {
			lastLine = now;
			err.printf("tadam learn: %s: %s, %.1f s%n", task, message, (now - start) / 1e9);
			err.flush();
		}
	}

	@Override
	public void close() {
		if (bar != null) {
			bar.close();
		}
	}
}
