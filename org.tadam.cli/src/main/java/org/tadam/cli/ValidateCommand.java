package org.tadam.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Checks .tadam (or .xmi) models and .tadamscenario scenarios (with the models they import); prints file:line:col: messages and exits 1 when a model has errors.")
final class ValidateCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "models to check")
	private List<Path> files;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ModelFiles models = Languages.modelFiles();
		int invalid = 0;
		int unreadable = 0;
		for (Path file : files) {
			try {
				List<org.eclipse.xtext.validation.Issue> issues = ModelFiles.SCENARIO_EXTENSION.equals(ModelFiles.extension(file))
						? models.loadScenario(file).issues()
						: models.load(file).issues();
				int errors = IssuePrinter.print(file, issues, out);
				if (errors > 0) {
					invalid++;
				}
			} catch (ModelFileException e) {
				err.println("tadam: " + e.getMessage());
				unreadable++;
			}
		}
		out.flush();
		int valid = files.size() - invalid - unreadable;
		err.printf("%d valid, %d invalid, %d unreadable%n", valid, invalid, unreadable);
		return unreadable > 0 ? TadamCli.EXIT_ERROR : invalid > 0 ? TadamCli.EXIT_PROBLEMS : 0;
	}
}
