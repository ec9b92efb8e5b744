package org.tadam.generator.runtime;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The options of a generator jar: parsed into settings, each mistake named in one IllegalArgumentException. */
final class CommandLine {

	private CommandLine() {
	}

	/** The settings of a command line, or null for --help; IllegalArgumentException names what is wrong. */
	static GeneratorSettings parse(String[] args, GeneratorSettings defaults) {
		GeneratorSettings settings = defaults.copy();
		settings.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		boolean countGiven = false;
		boolean durationGiven = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "-h", "--help" -> {
					return null;
				}
				case "--stdout" -> settings.stdout = true;
				case "--seed" -> settings.seed = wholeNumber(value(args, ++i, arg), arg);
				case "--connections", "-n" -> {
					settings.connections = positiveLong(value(args, ++i, arg), arg);
					countGiven = true;
				}
				case "--duration", "-d" -> {
					settings.durationNanos = durationNanos(value(args, ++i, arg));
					durationGiven = true;
				}
				case "--threads", "-t" -> settings.threads = (int) Math.min(1024, positiveLong(value(args, ++i, arg), arg));
				case "--rate" -> settings.rate = positiveDouble(value(args, ++i, arg), arg);
				case "--snaplen" -> settings.snapLength = (int) Math.max(96, Math.min(262144, positiveLong(value(args, ++i, arg), arg)));
				case "--start" -> settings.startNanos = instantNanos(value(args, ++i, arg));
				case "--format" -> settings.format = format(value(args, ++i, arg));
				case "-o", "--output" -> settings.output = path(value(args, ++i, arg), arg);
				case "--noise" -> settings.learnedNoise = noise(value(args, ++i, arg));
				case "--labels" -> settings.labels = path(value(args, ++i, arg), arg);
				case "--walk" -> settings.tableWalk = tableWalk(value(args, ++i, arg));
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
		return settings;
	}

	static Path path(String text, String option) {
		try {
			return Path.of(text);
		} catch (InvalidPathException e) {
			throw new IllegalArgumentException(option + " needs a file name, not '" + text + "'");
		}
	}

	static long wholeNumber(String text, String option) {
		try {
			return Long.parseLong(text);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(option + " needs a whole number, not '" + text + "'");
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

	static boolean tableWalk(String text) {
		return switch (text) {
			case "tables" -> true;
			case "compiled" -> false;
			default -> throw new IllegalArgumentException("--walk is compiled or tables, not '" + text + "'");
		};
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

	static String usage(ScenarioModel scenario) {
		return "usage: java -jar " + scenario.name() + ".jar (-o FILE | --stdout) [--seed N] [--connections N] [--duration 60s|15m|2h]\n"
				+ "       [--threads N] [--rate PER_SECOND] [--start 2026-01-01T00:00:00Z] [--format pcap|pcap-ns|pcapng] [--snaplen N]\n"
				+ "       [--noise learned|none] [--labels FILE.tsv] [--walk compiled|tables]\n"
				+ "Generates the traffic of scenario '" + scenario.name() + "'; the same seed gives the same bytes on any number of threads.\n";
	}

}
