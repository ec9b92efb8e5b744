package org.tadam.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "convert", mixinStandardHelpOptions = true,
		description = "Converts a model between .tadam text and .xmi (EMF), by the files' extensions. "
				+ "A model with errors is not converted.")
final class ConvertCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "IN", description = "a .tadam or .xmi file")
	private Path input;

	@Parameters(index = "1", paramLabel = "OUT", description = "a .tadam or .xmi file (written atomically)")
	private Path output;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		ModelFiles models = Languages.modelFiles();
		try {
			String outExtension = ModelFiles.extension(output);
			if (!ModelFiles.TEXT_EXTENSION.equals(outExtension) && !ModelFiles.XMI_EXTENSION.equals(outExtension)) {
				throw new ModelFileException(output + ": unknown kind of file '." + outExtension + "' (expected .tadam or .xmi)");
			}
			ModelFiles.Loaded loaded = models.load(input);
			if (IssuePrinter.print(input, loaded.issues(), spec.commandLine().getErr()) > 0) {
				spec.commandLine().getErr().println("tadam: " + input + ": has errors, not converted");
				return TadamCli.EXIT_PROBLEMS;
			}
			models.save(loaded.automaton(), output);
			spec.commandLine().getErr().println(input + " -> " + output);
			return 0;
		} catch (ModelFileException e) {
			spec.commandLine().getErr().println("tadam: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
	}
}
