package org.tadam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.tadam.dsl.io.AtomicFiles;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.fosr.FosrFormatException;
import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.FosrReader;
import org.tadam.fosr.FosrWriter;
import org.tadam.model.Automaton;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "convert", mixinStandardHelpOptions = true,
		description = { "Converts a model between .tadam text, .xmi (EMF) and Fos-R's automaton JSON (.json), by the "
				+ "files' extensions. A model with errors is not converted.",
				"Fos-R files of all three generations are read; what one side cannot hold exactly (law shapes, "
						+ "metadata, noise rates, count semantics…) is reported on stderr, one line per JSON path." })
final class ConvertCommand implements Callable<Integer> {

	static final String JSON_EXTENSION = "json";

	@Parameters(index = "0", paramLabel = "IN", description = "a .tadam, .xmi or Fos-R .json file")
	private Path input;

	@Parameters(index = "1", paramLabel = "OUT", description = "a .tadam, .xmi or Fos-R .json file (written atomically)")
	private Path output;

	@Option(names = "--fosr-generation", paramLabel = "N",
			description = "Fos-R JSON generation of a .json OUT: 1 (legacy), 2 (cicids17/cupid, the default) or 3 (latest)")
	private Integer generation;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter err = spec.commandLine().getErr();
		String outExtension = ModelFiles.extension(output);
		boolean jsonOut = JSON_EXTENSION.equals(outExtension);
		try {
			if (!jsonOut && !ModelFiles.TEXT_EXTENSION.equals(outExtension) && !ModelFiles.XMI_EXTENSION.equals(outExtension)) {
				throw new ModelFileException(output + ": unknown kind of file '." + outExtension + "' (expected .tadam, .xmi or .json)");
			}
			if (generation != null && !jsonOut) {
				err.println("tadam: --fosr-generation applies to a .json OUT only, not to " + output);
				return TadamCli.EXIT_ERROR;
			}
			FosrGeneration fosrGeneration;
			try {
				fosrGeneration = generation == null ? FosrGeneration.DEFAULT : FosrGeneration.of(generation);
			} catch (IllegalArgumentException e) {
				err.println("tadam: --fosr-generation: " + e.getMessage());
				return TadamCli.EXIT_ERROR;
			}
			Automaton model = JSON_EXTENSION.equals(ModelFiles.extension(input)) ? readFosr(err) : readModel(err);
			if (model == null) {
				err.println("tadam: " + input + ": has errors, not converted");
				return TadamCli.EXIT_PROBLEMS;
			}
			if (jsonOut) {
				FosrWriter.Exported out = new FosrWriter(fosrGeneration).write(model, output.getFileName().toString());
				out.report().format(output.toString()).forEach(line -> err.println("tadam: " + line));
				write(out.json());
				err.println(input + " -> " + output + " (Fos-R " + fosrGeneration + ")");
			} else {
				Languages.modelFiles().save(model, output);
				err.println(input + " -> " + output);
			}
			return 0;
		} catch (FosrFormatException e) {
			err.println("tadam: " + e.getMessage());
			err.println("tadam: " + input + ": not converted");
			return TadamCli.EXIT_PROBLEMS;
		} catch (ModelFileException e) {
			err.println("tadam: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
	}

	/** A .tadam or .xmi model, validated; null when it has errors (they are printed). */
	private Automaton readModel(PrintWriter err) throws ModelFileException {
		ModelFiles.Loaded loaded = Languages.modelFiles().load(input);
		return IssuePrinter.print(input, loaded.issues(), err) > 0 ? null : loaded.automaton();
	}

	/**
	 * A Fos-R file as a model. The report goes to stderr first, then the DSL validator checks the model as it
	 * would be written (canonical .tadam text); null when it has errors (they are printed).
	 */
	private Automaton readFosr(PrintWriter err) throws ModelFileException, FosrFormatException {
		if (Files.isDirectory(input)) {
			throw new ModelFileException(input + ": is a directory, not a model file");
		}
		if (!Files.isRegularFile(input)) {
			throw new ModelFileException(input + ": no such file");
		}
		FosrReader.Imported imported;
		try {
			imported = new FosrReader().read(input);
		} catch (IOException e) {
			throw new ModelFileException(input + ": not readable: " + e.getMessage(), e);
		}
		imported.report().format(input.toString()).forEach(line -> err.println("tadam: " + line));
		List<Issue> issues = ModelCheck.issues(imported.automaton());
		int errors = 0;
		for (Issue issue : issues) {
			errors += issue.getSeverity() == Severity.ERROR ? 1 : 0;
			err.println("tadam: " + input + ": imported model " + (issue.getSeverity() == Severity.ERROR ? "is invalid" : "has a warning")
					+ ": " + issue.getMessage() + (issue.getCode() == null ? "" : " [" + ModelCheck.shortCode(issue.getCode()) + "]"));
		}
		return errors > 0 ? null : imported.automaton();
	}

	private void write(byte[] json) throws ModelFileException {
		try {
			AtomicFiles.write(output, json);
		} catch (IOException e) {
			throw new ModelFileException(output + ": cannot be written: " + e.getMessage(), e);
		}
	}
}
