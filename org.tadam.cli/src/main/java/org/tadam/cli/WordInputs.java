package org.tadam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.IngestReport;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.capture.word.TextWordFormat;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.word.WordFormatException;

/** Where {@code learn} and {@code score} take their words from: captures and word files ({@link LiveOptions}: live). */
final class WordInputs {
	private WordInputs() {
	}

	/** The standard port table with the {@code --service-port} overrides (IllegalArgumentException if malformed). */
	static ServiceTable services(List<String> overrides) {
		ServiceTable table = ServiceTable.standard();
		for (String s : overrides) {
			table = table.withOverride(s);
		}
		return table;
	}

	/**
	 * Reads the captures into {@code sink}, printing unreadable and damaged files and what was skipped, per
	 * reason with its first place; what was read before damage is kept. Returns whether any capture had errors.
	 */
	static boolean readCaptures(IngestOptions options, List<Path> captures, Consumer<TimedWord> sink, PrintWriter err) {
		return readCaptures(options, captures, sink, err, new HashMap<>());
	}

	/**
	 * {@link #readCaptures(IngestOptions, List, Consumer, PrintWriter)}, adding to {@code found} how many connections
	 * of each service the captures hold, those --service left out included.
	 */
	static boolean readCaptures(IngestOptions options, List<Path> captures, Consumer<TimedWord> sink, PrintWriter err,
			Map<String, Long> found) {
		if (captures.isEmpty()) {
			return false;
		}
		IngestReport report = new CaptureIngest(options).words(captures, sink);
		report.connectionsPerService().forEach((service, n) -> found.merge(service, n, Long::sum));
		report.unreadable().forEach((f, m) -> err.println("tadam: " + f + ": " + m));
		// the format error's message starts with the file's name
		report.files().stream().filter(f -> f.error() != null).forEach(f -> err.println("tadam: " + f.error().getMessage()));
		printSkips(report, err);
		return report.hasErrors();
	}

	/**
	 * The services of {@code found}, most connections first: "imap2 (2), https (1)", for a --service that matched
	 * none (service names follow the port table: IMAP on 143 is imap2, Modbus on 502 mbap).
	 */
	static String servicesFound(Map<String, Long> found) {
		return found.entrySet().stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
	}

	/** Prints what was skipped, per reason with its first place (also for a live capture). */
	static void printSkips(IngestReport report, PrintWriter err) {
		report.skips().nonZero().forEach((reason, n) -> err.println("tadam: skipped " + n + ": " + reason.description()
				+ " (first: " + report.skips().firstSeen(reason) + ")"));
	}

	/**
	 * Reads word files into {@code sink}, keeping the words whose service passes; prints the first error
	 * (naming the file and line) and returns false on it.
	 */
	static boolean readWordFiles(List<Path> files, Predicate<String> service, Consumer<TimedWord> sink, PrintWriter err) {
		for (Path file : files) {
			try {
				for (TimedWord w : TextWordFormat.read(file)) {
					if (service.test(w.service())) {
						sink.accept(w);
					}
				}
			} catch (WordFormatException e) {
				err.println("tadam: " + e.getMessage());
				return false;
			} catch (NoSuchFileException e) {
				err.println("tadam: " + file + ": no such file");
				return false;
			} catch (IOException e) {
				err.println("tadam: " + file + ": cannot be read: " + e.getMessage());
				return false;
			}
		}
		return true;
	}
}
