package org.tadam.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tadam.dsl.io.AtomicFiles;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.model.Automaton;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that renders one model as text (a graph or a picture) to stdout or a file. Models with validation
 * errors are drawn too, so that a broken model can be looked at; syntax errors stop it.
 */
abstract class DrawingCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "MODEL", description = "a .tadam or .xmi model")
	private Path input;

	@Option(names = { "-o", "--output" }, paramLabel = "OUT", description = "write to this file (atomically) instead of stdout")
	private Path output;

	@Spec
	private CommandSpec spec;

	/** The rendering of the automaton. */
	abstract String render(Automaton automaton);

	/** What is drawn, for messages ("graph", "diagram"). */
	abstract String what();

	@Override
	public Integer call() {
		try {
			ModelFiles.Loaded loaded = Languages.modelFiles().load(input);
			if (!loaded.resource().getErrors().isEmpty() || loaded.automaton() == null) {
				IssuePrinter.print(input, loaded.issues(), spec.commandLine().getErr());
				spec.commandLine().getErr().println("tadam: " + input + ": has syntax errors, no " + what() + " written");
				return TadamCli.EXIT_PROBLEMS;
			}
			String text = render(loaded.automaton());
			if (output == null) {
				spec.commandLine().getOut().print(text);
				spec.commandLine().getOut().flush();
			} else {
				AtomicFiles.write(output, text.getBytes(StandardCharsets.UTF_8));
			}
			return 0;
		} catch (ModelFileException e) {
			spec.commandLine().getErr().println("tadam: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		} catch (IOException e) {
			spec.commandLine().getErr().println("tadam: " + output + ": cannot be written: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
	}
}
