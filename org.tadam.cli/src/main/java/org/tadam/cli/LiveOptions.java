package org.tadam.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.IngestReport;
import org.tadam.capture.LiveCapture;
import org.tadam.capture.LiveCaptureException;
import org.tadam.capture.word.TimedWord;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The live-capture options of {@code learn} and {@code words} (a picocli mixin) and the capture run:
 * progress on stderr, and Ctrl-C ending the capture rather than the program.
 */
final class LiveOptions {
	static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);

	@Option(names = { "-i", "--interface" }, paramLabel = "IF",
			description = "capture live on this network interface (e.g. eth0, lo, any) instead of reading capture files; "
					+ "needs libpcap (Debian: libpcap0.8) and root, or java with CAP_NET_RAW and CAP_NET_ADMIN (setcap)")
	private String device;

	@Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
			description = "with --interface: how long to capture, e.g. 30s, 5m, 1h (default: 60s); "
					+ "Ctrl-C ends the capture earlier and keeps what it has")
	private Duration duration;

	@Option(names = "--filter", paramLabel = "BPF", description = "with --interface: a libpcap filter (tcpdump syntax), e.g. 'tcp port 80'")
	private String filter;

	boolean given() {
		return device != null;
	}

	/** Name of the capture in model provenance. */
	String source() {
		return "live:" + device;
	}

	/** Why these options do not go with the other inputs, or null when they do. */
	String problem(boolean captureFiles) {
		if (device == null) {
			return duration != null || filter != null ? "--duration and --filter need --interface" : null;
		}
		// a live capture has its own clock and no place among files; tcpdump -w makes a file of it
		return captureFiles ? "give capture files or --interface, not both" : null;
	}

	/** Opens the interface; on failure prints one line (a stack trace with TADAM_DEBUG) and returns null. */
	LiveCapture open(String command, PrintWriter err) {
		try {
			return LiveCapture.open(device, filter, duration == null ? DEFAULT_DURATION : duration);
		} catch (LiveCaptureException e) {
			err.println("tadam " + command + ": " + e.getMessage());
			if (System.getenv("TADAM_DEBUG") != null) {
				e.printStackTrace(err);
			}
			err.flush();
			return null;
		}
	}

	/**
	 * Captures into {@code sink} until the duration is over or Ctrl-C, then closes the capture and says
	 * how it ended and what comes next: "tadam learn: capture interrupted after 12.3 s: learning from
	 * 42 connections" ({@code next} = "learning from").
	 */
	static IngestReport run(LiveCapture live, String command, IngestOptions options, boolean progress,
			Consumer<TimedWord> sink, PrintWriter err, String next) {
		long[] words = new long[1];
		IngestReport report;
		// the display first: its terminal library may set signal handlers of its own when it starts
		try (live; CaptureProgress display = new CaptureProgress(command, live, err, progress);
				CtrlC ctrlC = new CtrlC(live)) {
			report = new CaptureIngest(options).words(live, display, w -> {
				words[0]++;
				sink.accept(w);
			});
		}
		double seconds = live.elapsedNanos() / 1e9;
		String ending = live.failure() != null
				? String.format(Locale.ROOT, "capture on %s broke off after %.1f s (%s)", live.device(), seconds, live.failure())
				: live.interrupted() ? String.format(Locale.ROOT, "capture interrupted after %.1f s", seconds)
						: String.format(Locale.ROOT, "captured %.1f s on %s", seconds, live.device());
		err.printf("tadam %s: %s: %s %d connections%n", command, ending, next, words[0]);
		if (live.dropped() > 0) {
			err.printf("tadam %s: the kernel dropped %d packets that were not read in time%n", command, live.dropped());
		}
		err.flush();
		return report;
	}

	/**
	 * While capturing, SIGINT (Ctrl-C) stops the capture instead of starting the JVM's shutdown, so that
	 * what was captured is still learned and written by a JVM that is not shutting down; a second
	 * Ctrl-C exits at once. Closing restores the previous handler (the JVM's, which learn's own
	 * shutdown hook relies on).
	 */
	private static final class CtrlC implements AutoCloseable {
		private static final Signal INT = new Signal("INT");
		private static final int EXIT_ON_SIGINT = 130;
		private final SignalHandler previous;

		CtrlC(LiveCapture live) {
			SignalHandler p;
			try {
				p = Signal.handle(INT, signal -> {
					if (live.stopRequested()) {
						System.exit(EXIT_ON_SIGINT);
					}
					live.stop();
				});
			} catch (IllegalArgumentException e) {
				p = null; // the JVM keeps SIGINT (-Xrs): Ctrl-C ends the program as usual
			}
			previous = p;
		}

		@Override
		public void close() {
			if (previous != null) {
				Signal.handle(INT, previous);
			}
		}
	}

	/** 30s, 5m, 1h, 1.5h, or a plain number of seconds. */
	static final class DurationConverter implements ITypeConverter<Duration> {
		private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)([smh]?)");

		@Override
		public Duration convert(String value) {
			Matcher m = FORM.matcher(value.trim());
			if (!m.matches()) {
				throw new TypeConversionException("expected a duration such as 30s, 5m or 1h, not '" + value + "'");
			}
			double unit = switch (m.group(2)) {
			case "m" -> 60;
			case "h" -> 3600;
			default -> 1;
			};
			long nanos = Math.round(Double.parseDouble(m.group(1)) * unit * 1e9);
			if (nanos <= 0) {
				throw new TypeConversionException("the duration must be more than zero, not '" + value + "'");
			}
			return Duration.ofNanos(nanos);
		}
	}
}
