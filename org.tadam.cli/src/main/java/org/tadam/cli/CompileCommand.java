package org.tadam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.validation.Issue;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.generator.GeneratorOptions;
import org.tadam.generator.JavaCompilerCheck;
import org.tadam.generator.ScenarioCompiler;
import org.tadam.generator.GeneratorInput;
import org.tadam.model.Scenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compile", mixinStandardHelpOptions = true,
		description = { "Compiles a scenario (.tadamscenario) or a single model (.tadam, .xmi: a scenario of that automaton "
				+ "with default addresses and rates) into an executable generator jar that needs only a JRE:",
				"  java -jar gen.jar --seed 7 --connections 100000 -o out.pcap" })
final class CompileCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "SCENARIO_OR_MODEL", description = "the .tadamscenario, .tadam or .xmi file")
	private Path input;

	@Option(names = { "-o", "--output" }, paramLabel = "JAR", description = "the jar to write (default: NAME.jar)")
	private Path output;

	@Option(names = "--package", paramLabel = "NAME", description = "Java package of the generated classes")
	private String javaPackage;

	@Option(names = "--main-class", paramLabel = "NAME", description = "simple name of the generated main class")
	private String mainClass;

	@Option(names = "--sources", paramLabel = "DIR", description = "also keep the generated Java sources and resources here")
	private Path sources;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try {
			JavaCompilerCheck.require();
		} catch (ScenarioCompiler.CompileException e) {
			err.println("tadam: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		Scenario scenario;
		List<Issue> issues;
		try {
			GeneratorInput loaded = GeneratorInput.load(Languages.modelFiles(), input);
			scenario = loaded.scenario();
			issues = loaded.issues();
		} catch (ModelFileException e) {
			err.println("tadam: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		if (printIssues(issues, out) > 0 || scenario == null) {
			out.flush();
			err.println("tadam: " + input + " has errors; no jar written");
			return TadamCli.EXIT_PROBLEMS;
		}
		GeneratorOptions options;
		try {
			GeneratorOptions defaults = GeneratorOptions.forScenario(scenario.getName());
			options = new GeneratorOptions(javaPackage == null ? defaults.javaPackage() : javaPackage,
					mainClass == null ? defaults.mainClass() : mainClass);
		} catch (IllegalArgumentException e) {
			err.println("tadam: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		Path jar = output != null ? output : Path.of(scenario.getName() + ".jar");
		if (jar.toAbsolutePath().getParent() != null && !Files.isDirectory(jar.toAbsolutePath().getParent())) {
			err.println("tadam: " + jar + ": the directory does not exist");
			return TadamCli.EXIT_ERROR;
		}
		try {
			ScenarioCompiler.Result result = new ScenarioCompiler().compile(scenario, options, jar, sources);
			out.printf("wrote %s (%d generated classes, %d KiB); run: java -jar %s --seed 7 --connections 1000 -o out.pcap%n", jar,
					result.javaFiles(), (result.jarBytes() + 1023) / 1024, jar);
			return 0;
		} catch (ScenarioCompiler.CompileException | IllegalArgumentException e) {
			err.println("tadam: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		} catch (IOException e) {
			err.println("tadam: " + jar + ": cannot be written: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
	}

	/** Prints the issues file by file (a scenario's imported models report under their own paths). */
	private int printIssues(List<Issue> issues, PrintWriter out) {
		Map<String, List<Issue>> byFile = new LinkedHashMap<>();
		for (Issue issue : issues) {
			URI uri = issue.getUriToProblem() == null ? null : issue.getUriToProblem().trimFragment();
			String file = uri != null && uri.isFile() ? displayPath(Path.of(uri.toFileString())) : input.toString();
			byFile.computeIfAbsent(file, f -> new java.util.ArrayList<>()).add(issue);
		}
		int errors = 0;
		for (Map.Entry<String, List<Issue>> e : byFile.entrySet()) {
			errors += IssuePrinter.print(Path.of(e.getKey()), e.getValue(), out);
		}
		return errors;
	}

	private static String displayPath(Path file) {
		Path here = Path.of("").toAbsolutePath();
		return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
	}
}
