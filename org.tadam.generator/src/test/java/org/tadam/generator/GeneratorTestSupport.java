package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tadam.dsl.TadamStandaloneSetup;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.generator.runtime.GeneratorMain;
import org.tadam.generator.runtime.GeneratorSettings;
import org.tadam.generator.runtime.ScenarioModel;
import org.tadam.model.Scenario;

/**
 * Compilation test helper in the manner of Xtext's CompilationTestHelper: load a model or scenario, generate and
 * compile it into a jar, run the jar's main class in-process, and hand back what it printed.
 */
final class GeneratorTestSupport {

	static final Path SAMPLES = Path.of("..", "samples");
	/** The three letters of a TCP handshake from s0 to s3, for the models that tests write. */
	static final String HANDSHAKE = "s0 -> s1 S> prob 1 count 10 mean (0, 0) cov (1e-6, 0, 1e-6)\n"
			+ "s1 -> s2 SA< prob 1 count 10 mean (10, 0) cov (1, 0, 1e-6)\n"
			+ "s2 -> s3 A> prob 1 count 10 mean (10, 0) cov (1, 0, 1e-6)";

	private static ModelFiles models;

	private GeneratorTestSupport() {
	}

	static synchronized ModelFiles models() {
		if (models == null) {
			models = TadamStandaloneSetup.doSetup().getInstance(ModelFiles.class);
		}
		return models;
	}

	/** A sample scenario or model (by file name), validated: a test on an invalid input fails here. */
	static Scenario sample(String fileName) throws Exception {
		Path file = SAMPLES.resolve(fileName);
		if (fileName.endsWith(".tadamscenario")) {
			ModelFiles.LoadedScenario loaded = models().loadScenario(file);
			assertFalse(loaded.hasErrors(), () -> fileName + ": " + loaded.issues());
			return loaded.scenario();
		}
		ModelFiles.Loaded loaded = models().load(file);
		assertFalse(loaded.hasErrors(), () -> fileName + ": " + loaded.issues());
		return ScenarioPlan.scenarioOf(loaded.automaton());
	}

	static Path compile(Scenario scenario, Path directory) throws Exception {
		Path jar = directory.resolve(scenario.getName() + ".jar");
		new ScenarioCompiler().compile(scenario, GeneratorOptions.forScenario(scenario.getName()), jar, null);
		return jar;
	}

	/** The output of one run of a compiled generator. */
	record Run(int status, String out, String err) {
	}

	/** Runs the jar's main class in this JVM (the runtime classes are shared with the test's class path). */
	static Run run(Path jar, Scenario scenario, String... args) throws Exception {
		GeneratorOptions options = GeneratorOptions.forScenario(scenario.getName());
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, GeneratorTestSupport.class.getClassLoader())) {
			Class<?> main = loader.loadClass(options.qualifiedMainClass());
			ScenarioModel model = (ScenarioModel) main.getMethod("scenario").invoke(null);
			GeneratorSettings defaults = (GeneratorSettings) main.getMethod("defaults").invoke(null);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int status;
			try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
					PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
				status = GeneratorMain.run(args, model, defaults, o, e);
			}
			return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
	}

	static Run runOk(Path jar, Scenario scenario, String... args) throws Exception {
		Run run = run(jar, scenario, args);
		assertEquals(0, run.status(), () -> "exit status; stderr: " + run.err());
		return run;
	}

	/** Compiles the model text {@code model} in {@code dir} and runs it: the capture of {@code connections} connections. */
	static Path generate(String model, Path dir, String seed, String connections) throws Exception {
		Files.createDirectories(dir);
		Path file = dir.resolve("model.tadam");
		Files.writeString(file, model);
		ModelFiles.Loaded loaded = models().load(file);
		assertFalse(loaded.hasErrors(), loaded.issues()::toString);
		Scenario scenario = ScenarioPlan.scenarioOf(loaded.automaton());
		Path jar = compile(scenario, dir);
		Path pcap = dir.resolve("generated.pcap");
		runOk(jar, scenario, "--seed", seed, "--connections", connections, "-o", pcap.toString());
		return pcap;
	}
}
