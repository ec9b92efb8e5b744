package org.tadam.generator.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.tadam.pcap.AtomicOutput;

/**
 * The command line of a generator jar, without dependencies: {@code --seed 7 --connections 100000 -o out.pcap},
 * also {@code --duration}, {@code --threads}, {@code --stdout}, {@code --rate}, {@code --start}, {@code --format},
 * {@code --snaplen}, {@code --noise learned|none}, {@code --labels FILE}. Prints a one-line summary (on stderr when
 * the capture goes to stdout) with the letters the TCP rules repaired, and a progress bar on a terminal. A count or a
 * duration given alone replaces both bounds of the scenario; given together, the run stops at whichever comes
 * first. Bad usage and a capture or label file that cannot be written get one line on stderr and exit status 2;
 * files are written beside their target and renamed at the end, so a failed run leaves nothing under their names.
 */
public final class GeneratorMain {

	/** Bad usage, or a run that could not write its capture or labels (README: 2 = the work could not be done). */
	public static final int EXIT_USAGE = 2;

	private GeneratorMain() {
	}

	/** Entry point of generated main classes: runs and exits with the status. */
	public static void main(String[] args, ScenarioModel scenario, GeneratorSettings defaults) {
		int status = run(args, scenario, defaults, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	/** Runs the command line and returns the exit status; a progress bar only when a terminal is attached. */
	public static int run(String[] args, ScenarioModel scenario, GeneratorSettings defaults, PrintStream out, PrintStream err) {
		return run(args, scenario, defaults, out, err, System.console() != null, channel -> channel);
	}

	/** Wraps the channel a run writes to (tests: a disk that fills up). */
	interface Channels {
		WritableByteChannel wrap(WritableByteChannel channel);
	}

	static int run(String[] args, ScenarioModel scenario, GeneratorSettings defaults, PrintStream out, PrintStream err,
			boolean terminal, Channels channels) {
		GeneratorSettings settings;
		try {
			settings = CommandLine.parse(args, defaults);
		} catch (IllegalArgumentException e) {
			err.println(scenario.name() + ": " + e.getMessage() + " (--help lists the options)");
			return EXIT_USAGE;
		}
		if (settings == null) {
			out.print(CommandLine.usage(scenario));
			return 0;
		}
		TerminalProgress bar = terminal ? new TerminalProgress(err, settings) : null;
		try {
			RunSummary summary;
			if (settings.stdout) {
				WritableByteChannel channel = channels.wrap(new FileOutputStream(FileDescriptor.out).getChannel());
				summary = withLabels(settings.labels, labels -> new TrafficGenerator(scenario, settings).run(channel, labels, bar));
				finish(bar);
				err.println(summary.line());
			} else {
				summary = writeFile(scenario, settings, bar, channels);
				finish(bar);
				out.println(summary.line() + ", " + settings.output);
			}
			return 0;
		} catch (IOException | UncheckedIOException e) {
			finish(bar);
			String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
			String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getFile() + ": " + f.getReason() : message;
			err.println(scenario.name() + ": cannot write the capture or the labels: " + reason);
			return EXIT_USAGE;
		}
	}

	private static void finish(TerminalProgress bar) {
		if (bar != null) {
			bar.finish();
		}
	}

	/** Writes next to the target and renames at the end, so a failed run leaves no half capture. */
	private static RunSummary writeFile(ScenarioModel scenario, GeneratorSettings settings, Progress bar, Channels channels)
			throws IOException {
		Path target = settings.output.toAbsolutePath();
		if (Files.isDirectory(target)) {
			throw new FileSystemException(target.toString(), null, "is a directory");
		}
		if (AtomicOutput.isSpecial(target)) {
			// /dev/null and other special files are written in place; only /dev/null at offsets
			GeneratorSettings inPlace = settings.copy();
			inPlace.parallelWrites = target.equals(Path.of("/dev/null"));
			try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
				return withLabels(settings.labels, labels -> new TrafficGenerator(scenario, inPlace).run(channels.wrap(channel), labels, bar));
			}
		}
		GeneratorSettings parallel = settings.copy();
		parallel.parallelWrites = true;
		return atomically(target, temporary -> {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				return withLabels(settings.labels, labels -> new TrafficGenerator(scenario, parallel).run(channels.wrap(channel), labels, bar));
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
		return atomically(labels.toAbsolutePath(), file -> {
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
				return run.run(writer);
			}
		});
	}

	/**
	 * {@link AtomicOutput#replace}, so a failed run leaves nothing under the target's name; a missing directory is
	 * named with the target, not the temporary file.
	 */
	private static RunSummary atomically(Path target, AtomicOutput.ToFile<RunSummary> write) throws IOException {
		Path directory = target.getParent();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new NoSuchFileException(target.toString(), null, "no such directory");
		}
		return AtomicOutput.replace(target, write);
	}
}
