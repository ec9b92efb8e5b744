package org.tadam.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the quick commands (validate, format --check, dot, score) once on the bundled samples, not a user
 * command. The build runs it under {@code -XX:DumpLoadedClassList} and makes a class-data archive
 * ({@code target/tadam.jsa}) of the classes these commands load; the {@code tadam} launcher starts every JVM
 * with that archive, which saves most of the class loading and verification a short command pays for.
 */
public final class StartupTraining {

	private StartupTraining() {
	}

	public static void main(String[] args) {
		if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
			System.err.println("usage: StartupTraining SAMPLES_DIRECTORY");
			System.exit(2);
		}
		Path samples = Path.of(args[0]);
		String model = samples.resolve("http.tadam").toString();
		List<String[]> commands = List.of(
				new String[] { "validate", model, samples.resolve("mix.tadamscenario").toString() },
				new String[] { "format", "--check", model },
				new String[] { "dot", model },
				new String[] { "score", model, samples.resolve("captures/web-dns.pcap").toString() });
		PrintStream stdout = System.out;
		PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
		int failed = 0;
		for (String[] command : commands) {
			System.setOut(nowhere);
			int code;
			try {
				code = TadamCli.run(new PrintWriter(nowhere, true), new PrintWriter(nowhere, true), command);
			} finally {
				System.setOut(stdout);
			}
			if (code != 0) {
				System.err.println("StartupTraining: 'tadam " + String.join(" ", command) + "' exited with " + code);
				failed++;
			}
		}
		System.exit(failed == 0 ? 0 : 1);
	}
}
