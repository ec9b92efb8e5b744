package org.tadam.generator.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The command line of a generator jar, without dependencies: {@code --seed 7 --connections 100000 -o out.pcap},
 * also {@code --duration}, {@code --threads}, {@code --stdout}, {@code --rate}, {@code --start}, {@code --format},
 * {@code --snaplen}, {@code --noise learned|none}, {@code --labels FILE}. Prints a one-line summary (on stderr when
 * the capture goes to stdout) with the letters the TCP rules repaired. A count or a duration given alone replaces
 * both bounds of the scenario; given together, the run stops at whichever comes first.
 */
public final class GeneratorMain {

	public static final int EXIT_USAGE = 2;
	public static final int EXIT_FAILED = 1;

	private GeneratorMain() {
	}

	/** Entry point of generated main classes: runs and exits with the status. */
	public static void main(String[] args, ScenarioModel scenario, GeneratorSettings defaults) {
		int status = run(args, scenario, defaults, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	/** Runs the command line and returns the exit status. */
	public static int run(String[] args, ScenarioModel scenario, GeneratorSettings defaults, PrintStream out, PrintStream err) {
		GeneratorSettings settings = defaults.copy();
		settings.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		boolean countGiven = false;
		boolean durationGiven = false;
		try {
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "-h", "--help" -> {
						out.print(usage(scenario));
						return 0;
					}
					case "--stdout" -> settings.stdout = true;
					case "--seed" -> settings.seed = Long.parseLong(value(args, ++i, arg));
					case "--connections", "-n" -> {
						settings.connections = positiveLong(value(args, ++i, arg), arg);
						countGiven = true;
					}
					case "--duration", "-d" -> {
						settings.durationNanos = durationNanos(value(args, ++i, arg));
						durationGiven = true;
					}
					case "--threads", "-t" -> settings.threads = (int) positiveLong(value(args, ++i, arg), arg);
					case "--rate" -> settings.rate = positiveDouble(value(args, ++i, arg), arg);
					case "--snaplen" -> settings.snapLength = (int) Math.max(96, Math.min(262144, positiveLong(value(args, ++i, arg), arg)));
					case "--start" -> settings.startNanos = instantNanos(value(args, ++i, arg));
					case "--format" -> settings.format = format(value(args, ++i, arg));
					case "-o", "--output" -> settings.output = Path.of(value(args, ++i, arg));
					case "--noise" -> settings.learnedNoise = noise(value(args, ++i, arg));
					case "--labels" -> settings.labels = Path.of(value(args, ++i, arg));
					default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
				}
			}
			// one bound on the command line replaces the scenario's bounds; both given: whichever comes first
			if (countGiven && !durationGiven) {
				settings.durationNanos = 0;
			} else if (durationGiven && !countGiven) {
				settings.connections = 0;
			}
			if (settings.stdout == (settings.output != null)) {
				throw new IllegalArgumentException("give either -o FILE or --stdout");
			}
			if (settings.connections <= 0 && settings.durationNanos <= 0) {
				throw new IllegalArgumentException("give --connections N or --duration D");
			}
		} catch (IllegalArgumentException e) {
			err.println(scenario.name() + ": " + e.getMessage());
			err.print(usage(scenario));
			return EXIT_USAGE;
		}
		try {
			RunSummary summary;
			if (settings.stdout) {
				FileChannel channel = new FileOutputStream(FileDescriptor.out).getChannel();
				summary = withLabels(settings.labels, labels -> new TrafficGenerator(scenario, settings).run(channel, labels));
				err.println(summary.line());
			} else {
				summary = writeFile(scenario, settings);
				out.println(summary.line() + ", " + settings.output);
			}
			return 0;
		} catch (IOException e) {
			err.println(scenario.name() + ": cannot write the capture or the labels: " + e.getMessage());
			return EXIT_FAILED;
		}
	}

	/** Writes next to the target and renames at the end, so a failed run leaves no half capture. */
	private static RunSummary writeFile(ScenarioModel scenario, GeneratorSettings settings) throws IOException {
		Path target = settings.output.toAbsolutePath();
		if (Files.isDirectory(target) || !Files.isRegularFile(target) && Files.exists(target)) {
			// /dev/null and other special files are written in place
			try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
				return withLabels(settings.labels, labels -> new TrafficGenerator(scenario, settings).run(channel, labels));
			}
		}
		return atomically(target, temporary -> {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
				return withLabels(settings.labels, labels -> new TrafficGenerator(scenario, settings).run(channel, labels));
			}
		});
	}

	/** A run that writes its label rows to the given sink (null: no label file). */
	private interface Run {
		RunSummary run(Appendable labels) throws IOException;
	}

	/** Runs with the label file written next to its target and renamed at the end, like the capture. */
	private static RunSummary withLabels(Path labels, Run run) throws IOException {
		if (labels == null) {
			return run.run(null);
		}
		return atomically(labels.toAbsolutePath(), temporary -> {
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				return run.run(writer);
			}
		});
	}

	/** What is written to the temporary file of {@link #atomically}. */
	private interface Write {
		RunSummary to(Path temporary) throws IOException;
	}

	/**
	 * Writes a temporary file next to {@code target} and renames it at the end, so a failed run leaves
	 * nothing under the target's name; a missing directory is named with the target, not the temporary file.
	 */
	private static RunSummary atomically(Path target, Write write) throws IOException {
		Path directory = target.getParent();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new NoSuchFileException(target.toString(), null, "no such directory");
		}
		Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".part");
		readableByAll(temporary);
		try {
			RunSummary summary = write.to(temporary);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return summary;
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException("option " + option + " needs a value");
		}
		return args[i];
	}

	private static long positiveLong(String text, String option) {
		try {
			long value = Long.parseLong(text);
			if (value > 0) {
				return value;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException(option + " needs a positive whole number, not '" + text + "'");
	}

	private static double positiveDouble(String text, String option) {
		try {
			double value = Double.parseDouble(text);
			if (value > 0 && !Double.isInfinite(value)) {
				return value;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException(option + " needs a positive number, not '" + text + "'");
	}

	/** {@code 90}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}; plain numbers are seconds. */
	static long durationNanos(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		double unit = 1e9;
		char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
		switch (last) {
			case 's' -> t = t.substring(0, t.length() - 1);
			case 'm' -> { unit = 60e9; t = t.substring(0, t.length() - 1); }
			case 'h' -> { unit = 3600e9; t = t.substring(0, t.length() - 1); }
			case 'd' -> { unit = 86400e9; t = t.substring(0, t.length() - 1); }
			default -> { }
		}
		return (long) (positiveDouble(t, "--duration") * unit);
	}

	static long instantNanos(String text) {
		try {
			Instant instant = Instant.parse(text);
			return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("--start needs an ISO-8601 instant such as 2026-01-01T00:00:00Z");
		}
	}

	static boolean noise(String text) {
		return switch (text) {
			case "learned" -> true;
			case "none" -> false;
			default -> throw new IllegalArgumentException("--noise is learned or none, not '" + text + "'");
		};
	}

	static CaptureFormat format(String text) {
		return switch (text) {
			case "pcap" -> CaptureFormat.PCAP;
			case "pcap-ns" -> CaptureFormat.PCAP_NANOS;
			case "pcapng" -> CaptureFormat.PCAPNG;
			default -> throw new IllegalArgumentException("--format is pcap, pcap-ns or pcapng, not '" + text + "'");
		};
	}

	private static String usage(ScenarioModel scenario) {
		return "usage: java -jar " + scenario.name() + ".jar (-o FILE | --stdout) [--seed N] [--connections N] [--duration 60s|15m|2h]\n"
				+ "       [--threads N] [--rate PER_SECOND] [--start 2026-01-01T00:00:00Z] [--format pcap|pcap-ns|pcapng] [--snaplen N]\n"
				+ "       [--noise learned|none] [--labels FILE.tsv]\n"
				+ "Generates the traffic of scenario '" + scenario.name() + "'; the same seed gives the same bytes on any number of threads.\n";
	}

	/** Temporary files are private; the finished file gets the usual rw-r--r--. */
	private static void readableByAll(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system: keep its defaults
		}
	}
}
