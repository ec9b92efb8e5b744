package org.tadam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.tadam.dsl.io.ModelFileException;
import org.tadam.eval.EvalException;
import org.tadam.eval.EvalOptions;
import org.tadam.eval.EvalResult;
import org.tadam.eval.Generator;
import org.tadam.eval.ModelBuilder;
import org.tadam.eval.RealismEval;
import org.tadam.eval.judge.Judge;
import org.tadam.eval.judge.NdpiJudge;
import org.tadam.eval.judge.TsharkJudge;
import org.tadam.eval.report.ConsoleTable;
import org.tadam.eval.report.ReportFiles;
import org.tadam.eval.sample.ServiceKey;
import org.tadam.model.Automaton;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tadam eval}: the realism report of {@code org.tadam.eval}. With --learn, the models are
 * learned and compiled by this command line's own {@code learn} and {@code compile}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
		description = { "Compares generated traffic with real traffic per service and writes DIR/report.html and DIR/summary.json:",
				"  tadam eval REAL.pcap GENERATED.pcap -o DIR",
				"  tadam eval --learn REAL.pcap -o DIR   (learn on the first half of REAL, generate as many connections as its second half has, compare with it)",
				"Every distance (Jensen-Shannon, Wasserstein-1, Kolmogorov-Smirnov) is shown with its floor, the same distance between the two halves of REAL. "
						+ "tshark and ndpiReader, when installed, judge both captures. A per-service table goes to stdout, progress to stderr.",
				"Exit code 0 = report written, 2 = bad usage, unreadable capture, or no service in common." })
final class EvalCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "CAPTURE", description = "REAL then GENERATED (pcap or pcapng); with --learn only REAL")
	private List<Path> captures = new ArrayList<>();

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "directory of report.html, summary.json and, with --learn, the work files it rewrites: real-first-half.pcapng, models/, generated/")
	private Path output;

	@Option(names = "--learn", description = "learn on the first half of REAL, generate, compare with the second half")
	private boolean learn;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of every generator run by --learn (default: ${DEFAULT-VALUE})")
	private long seed;

	@Option(names = "--min-connections", paramLabel = "N", defaultValue = "20", description = "fewer connections in a half and a service is too small to compare (default: ${DEFAULT-VALUE})")
	private int minConnections;

	@Option(names = "--service-port", paramLabel = "PORT[/PROTO]=NAME", description = "names a server port (repeatable), e.g. 8080=http")
	private List<String> servicePorts = new ArrayList<>();

	@Option(names = "--tshark", paramLabel = "CMD", defaultValue = "tshark", description = "tshark to run (default: ${DEFAULT-VALUE} from the PATH)")
	private String tshark;

	@Option(names = "--ndpi-reader", paramLabel = "CMD", defaultValue = "ndpiReader", description = "ndpiReader to run (default: ${DEFAULT-VALUE} from the PATH)")
	private String ndpiReader;

	@Option(names = "--no-judges", description = "do not run tshark and ndpiReader")
	private boolean noJudges;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (learn != (captures.size() == 1)) {
			err.println("tadam eval: give REAL and GENERATED captures, or --learn and one REAL capture");
			return TadamCli.EXIT_ERROR;
		}
		EvalOptions options;
		try {
			List<Judge> judges = noJudges ? List.of()
					: List.of(new TsharkJudge(tshark, EvalOptions.TOOL_TIMEOUT_SECONDS), new NdpiJudge(ndpiReader, EvalOptions.TOOL_TIMEOUT_SECONDS));
			options = EvalOptions.defaults().withServices(WordInputs.services(servicePorts)).withSeed(seed)
					.withMinConnections(minConnections).withJudges(judges);
			Files.createDirectories(output);
		} catch (IllegalArgumentException e) {
			err.println("tadam eval: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		} catch (IOException e) {
			err.println("tadam: " + output + ": cannot create the directory: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		try {
			RealismEval eval = new RealismEval(options, err);
			EvalResult result = learn ? eval.holdout(captures.get(0), output, new LearnAndCompile())
					: eval.compare(captures.subList(0, 1), captures.subList(1, captures.size()));
			err.println("tadam eval: writing " + output.resolve(ReportFiles.HTML) + " and " + output.resolve(ReportFiles.JSON));
			ReportFiles.write(result, output);
			out.print(ConsoleTable.of(result));
			out.flush();
			return 0;
		} catch (EvalException e) {
			err.println("tadam eval: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		} catch (IOException e) {
			err.println("tadam: " + output + ": cannot write the report: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
	}

	/** --learn's models: {@code tadam learn} on the first half, then {@code tadam compile} per model. */
	private final class LearnAndCompile implements ModelBuilder {

		@Override
		public List<Generator> build(Path capture, Set<String> services, Path directory, PrintWriter progress) throws EvalException {
			clear(directory);
			List<String> args = new ArrayList<>(List.of("learn", capture.toString(), "-o", directory.toString()));
			services.forEach(s -> args.addAll(List.of("--service", s)));
			servicePorts.forEach(p -> args.addAll(List.of("--service-port", p)));
			progress.println("tadam eval: " + String.join(" ", args));
			// learn's summary table is progress here: stdout keeps eval's table only
			TadamCli.run(progress, progress, args.toArray(String[]::new));
			List<Path> models;
			try (Stream<Path> files = Files.list(directory)) {
				models = files.filter(f -> f.toString().endsWith(".tadam")).sorted().toList();
			} catch (IOException e) {
				throw new EvalException(directory + ": no model was learned: " + e.getMessage());
			}
			List<Generator> generators = new ArrayList<>();
			for (Path model : models) {
				Automaton automaton;
				try {
					automaton = Languages.modelFiles().load(model).automaton();
				} catch (ModelFileException e) {
					throw new EvalException(e.getMessage());
				}
				ServiceKey key = new ServiceKey(automaton.getService(), automaton.getProtocol().getLiteral());
				Path jar = directory.resolve(model.getFileName().toString().replaceFirst("\\.tadam$", ".jar"));
				progress.println("tadam eval: tadam compile " + model + " -o " + jar);
				int exit = TadamCli.run(progress, progress, "compile", model.toString(), "-o", jar.toString());
				generators.add(new Generator(key, model, exit == 0 ? jar : null, exit == 0 ? null : "tadam compile exited with " + exit));
			}
			return generators;
		}

		/** Models and jars of an earlier run in the same directory must not be taken for this run's. */
		private void clear(Path directory) throws EvalException {
			try {
				Files.createDirectories(directory);
				try (Stream<Path> files = Files.list(directory)) {
					for (Path f : files.filter(f -> f.toString().endsWith(".tadam") || f.toString().endsWith(".jar")).toList()) {
						Files.delete(f);
					}
				}
			} catch (IOException e) {
				throw new EvalException(directory + ": cannot prepare the models' directory: " + e.getMessage());
			}
		}

		@Override
		public String describe() {
			return "tadam learn FIRST_HALF --service S..., then tadam compile MODEL per model";
		}
	}
}
