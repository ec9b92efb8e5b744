package org.tadam.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tadam.diagram.AutomatonLayout;
import org.tadam.diagram.SvgDiagramWriter;
import org.tadam.dsl.io.AtomicFiles;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diagram", mixinStandardHelpOptions = true,
		description = "Draws the automaton as an SVG picture (ELK layered layout; the Eclipse Automaton Diagram view "
				+ "shows the same layout). Models with validation errors are drawn too; syntax errors stop it.")
final class DiagramCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "MODEL", description = "a .tadam or .xmi model")
	private Path input;

	@Option(names = { "-o", "--output" }, paramLabel = "SVG", description = "write to this file (atomically) instead of stdout")
	private Path output;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		try {
			ModelFiles.Loaded loaded = Languages.modelFiles().load(input);
			if (!loaded.resource().getErrors().isEmpty() || loaded.automaton() == null) {
				IssuePrinter.print(input, loaded.issues(), spec.commandLine().getErr());
				spec.commandLine().getErr().println("tadam: " + input + ": has syntax errors, no diagram written");
				return TadamCli.EXIT_PROBLEMS;
			}
			String svg = new SvgDiagramWriter().write(new AutomatonLayout().layout(loaded.automaton()));
			if (output == null) {
				spec.commandLine().getOut().print(svg);
				spec.commandLine().getOut().flush();
			} else {
				AtomicFiles.write(output, svg.getBytes(StandardCharsets.UTF_8));
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
