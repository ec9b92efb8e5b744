package org.tadam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code tadam} command: learn, check, convert and serve TADAM models. */
@Command(name = "tadam", mixinStandardHelpOptions = true, versionProvider = TadamCli.Version.class,
		description = "Turns packet captures into editable protocol models (.tadam) and models into traffic generators.",
		subcommands = { ValidateCommand.class, FormatCommand.class, ConvertCommand.class, DotCommand.class, DiagramCommand.class, LspCommand.class, CompileCommand.class, LearnCommand.class, ScoreCommand.class,
				WordsCommand.class, EvalCommand.class,
				BenchAnomalyCommand.class,
				CommandLine.HelpCommand.class })
public final class TadamCli implements Runnable {

	/** Exit code of a run that found problems in its input (invalid model, unformatted file). */
	public static final int EXIT_PROBLEMS = 1;
	/** Exit code of a run that could not do its work (unreadable file, bad usage). */
	public static final int EXIT_ERROR = 2;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(System.err);
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
	public static int run(String... args) {
		return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
	}

	/** Runs the command line with the given output streams. */
	public static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new TadamCli());
		commandLine.setOut(out);
		commandLine.setErr(err);
		Version version = new Version();
		commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
		commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
			if (outOfMemory(exception)) {
				line.getErr().println(heapMessage());
				return EXIT_ERROR;
			}
			// a bug, not a user error: say so briefly, and keep the trace for a bug report when asked
			line.getErr().println("tadam: internal error: " + exception);
			if (System.getenv("TADAM_DEBUG") != null) {
				exception.printStackTrace(line.getErr());
			} else {
				line.getErr().println("tadam: set TADAM_DEBUG=1 to see the stack trace");
			}
			return EXIT_ERROR;
		});
		commandLine.setParameterExceptionHandler((exception, arguments) -> {
			CommandLine line = exception.getCommandLine();
			line.getErr().println("tadam: " + exception.getMessage());
			line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help'.");
			return EXIT_ERROR;
		});
		try {
			return commandLine.execute(args);
		} catch (OutOfMemoryError e) {
			err.println(heapMessage());
			return EXIT_ERROR;
		}
	}

	private static boolean outOfMemory(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof OutOfMemoryError) {
				return true;
			}
		}
		return false;
	}

	/** What to say when the heap limit is hit: the limit, who set it, and how to raise it. */
	static String heapMessage() {
		long mb = Runtime.getRuntime().maxMemory() >> 20;
		return "tadam: out of memory: the Java heap limit is " + mb + " MB (the ./tadam launcher sets it to 75 % of the "
				+ "machine's memory); raise it with TADAM_JAVA_OPTS=-Xmx<size>, or learn from fewer connections at a time";
	}

	/** The version of the build, from the jar's resources. */
	static final class Version implements IVersionProvider {
		@Override
		public String[] getVersion() throws IOException {
			Properties properties = new Properties();
			try (InputStream in = TadamCli.class.getResourceAsStream("version.properties")) {
				if (in != null) {
					properties.load(in);
				}
			}
			return new String[] { "tadam " + properties.getProperty("version", "unknown"),
					"Java " + System.getProperty("java.version") };
		}
	}
}
