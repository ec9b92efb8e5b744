package org.tadam.generator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

import org.tadam.model.Scenario;

/**
 * Scenario to executable generator jar: emits the Java sources (templates), compiles them in-process with
 * javax.tools against the generator runtime, and packages classes, pool resources and runtime into one jar.
 */
public final class ScenarioCompiler {

	/** A compilation that failed: generated code that does not compile is a bug of the templates. */
	public static final class CompileException extends Exception {
		private static final long serialVersionUID = 1L;

		public CompileException(String message) {
			super(message);
		}
	}

	/** What was built. */
	public record Result(Path jar, GeneratorOptions options, int javaFiles, long jarBytes) {
	}

	private final List<Path> libraries;

	/** A compiler that finds the generator runtime and the pcap library on its own class path (command line, tests). */
	public ScenarioCompiler() {
		this(null);
	}

	/**
	 * A compiler that takes the generator runtime and the pcap library (org.tadam.pcap) from the given jars or
	 * classes directories; under OSGi the class loader hands out bundle URLs, not files, so the caller locates
	 * the bundles' files.
	 */
	public ScenarioCompiler(List<Path> libraryLocations) {
		this.libraries = libraryLocations == null ? null : List.copyOf(libraryLocations);
	}

	/**
	 * Builds the generator jar of a validated scenario.
	 *
	 * @param sourceDirectory where to keep the generated sources and resources; null: a temporary directory
	 */
	public Result compile(Scenario scenario, GeneratorOptions options, Path jar, Path sourceDirectory)
			throws IOException, CompileException {
		GeneratedSources sources = GeneratedSources.generate(scenario, options);
		JavaCompiler compiler = JavaCompilerCheck.require();
		Path work = Files.createTempDirectory("tadam-compile");
		try {
			Path src = sourceDirectory != null ? sourceDirectory : work.resolve("src");
			Path classes = work.resolve("classes");
			Files.createDirectories(classes);
			List<Path> files = new ArrayList<>();
			for (Map.Entry<String, String> e : sources.javaFiles.entrySet()) {
				Path file = src.resolve(e.getKey());
				Files.createDirectories(file.getParent());
				Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
				files.add(file);
			}
			List<Path> libraries = this.libraries != null ? this.libraries : JarBuilder.libraryLocations();
			String classPath = String.join(java.io.File.pathSeparator, libraries.stream().map(Path::toString).toList());
			StringWriter messages = new StringWriter();
			try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
				Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
				List<String> arguments = List.of("--release", "17", "-encoding", "UTF-8", "-nowarn", "-classpath",
						classPath, "-d", classes.toString());
				Boolean ok = compiler.getTask(messages, fileManager, null, arguments, null, units).call();
				if (!Boolean.TRUE.equals(ok)) {
					throw new CompileException("the generated Java does not compile (a bug of the generator, #5):\n" + messages);
				}
			}
			JarBuilder builder = new JarBuilder();
			builder.addTree(classes);
			for (Map.Entry<String, byte[]> e : sources.resources.entrySet()) {
				builder.add(e.getKey(), e.getValue());
				if (sourceDirectory != null) {
					Path file = sourceDirectory.resolve(e.getKey());
					Files.createDirectories(file.getParent());
					Files.write(file, e.getValue());
				}
			}
			for (Path library : libraries) {
				builder.addLibrary(library);
			}
			builder.write(jar, options.qualifiedMainClass());
			return new Result(jar, options, sources.javaFiles.size(), Files.size(jar));
		} finally {
			deleteTree(work);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> all = Files.walk(root)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}
}
