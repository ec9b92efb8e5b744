package org.tadam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.tadam.dsl.io.AtomicFiles;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "format", mixinStandardHelpOptions = true,
		description = "Rewrites .tadam and .tadamscenario files in the canonical layout (comments are kept). With --check, changes nothing "
				+ "and exits 1 when a file is not formatted.")
final class FormatCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE", description = ".tadam files")
	private List<Path> files;

	@Option(names = "--check", description = "only report files whose layout is not canonical")
	private boolean check;

	@Option(names = "--stdout", description = "print the formatted text instead of rewriting the file")
	private boolean stdout;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ModelFiles models = Languages.modelFiles();
		int unformatted = 0;
		int failed = 0;
		for (Path file : files) {
			try {
				String extension = ModelFiles.extension(file);
				boolean scenario = ModelFiles.SCENARIO_EXTENSION.equals(extension);
				if (!scenario && !ModelFiles.TEXT_EXTENSION.equals(extension)) {
					throw new ModelFileException(file + ": only .tadam and .tadamscenario files can be formatted");
				}
				String formatted;
				if (scenario) {
					ModelFiles.LoadedScenario loaded = models.loadScenario(file);
					rejectSyntaxErrors(file, loaded.resource(), loaded.issues(), err);
					formatted = models.toText(loaded.scenario());
				} else {
					ModelFiles.Loaded loaded = models.load(file);
					rejectSyntaxErrors(file, loaded.resource(), loaded.issues(), err);
					formatted = models.toText(loaded.automaton());
				}
				String original = Files.readString(file, StandardCharsets.UTF_8);
				if (stdout) {
					out.print(formatted);
				} else if (!formatted.equals(original)) {
					unformatted++;
					if (check) {
						out.println(file + ": not formatted");
					} else {
						AtomicFiles.write(file, formatted.getBytes(StandardCharsets.UTF_8));
						out.println(file + ": formatted");
					}
				}
			} catch (ModelFileException e) {
				err.println("tadam: " + e.getMessage());
				failed++;
			} catch (IOException e) {
				err.println("tadam: " + file + ": " + e.getMessage());
				failed++;
			}
		}
		out.flush();
		if (failed > 0) {
			return TadamCli.EXIT_ERROR;
		}
		return check && unformatted > 0 ? TadamCli.EXIT_PROBLEMS : 0;
	}

	private static void rejectSyntaxErrors(Path file, org.eclipse.emf.ecore.resource.Resource resource,
			List<org.eclipse.xtext.validation.Issue> issues, PrintWriter err) throws ModelFileException {
		if (!resource.getErrors().isEmpty()) {
			IssuePrinter.print(file, issues.stream().filter(i -> i.isSyntaxError()).toList(), err);
			throw new ModelFileException(file + ": has syntax errors, not formatted");
		}
	}
}
