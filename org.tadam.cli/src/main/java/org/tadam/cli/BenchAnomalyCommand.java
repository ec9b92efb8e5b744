package org.tadam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.tadam.capture.IngestOptions;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.capture.payload.PayloadClassifier;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.eval.EvalException;
import org.tadam.eval.anomaly.AnomalyBench;
import org.tadam.eval.anomaly.AnomalyOptions;
import org.tadam.eval.anomaly.BenchResult;
import org.tadam.eval.anomaly.detect.Detector;
import org.tadam.eval.anomaly.detect.HmmDetector;
import org.tadam.eval.anomaly.detect.MarkovChainDetector;
import org.tadam.eval.anomaly.detect.StateMergingDetector;
import org.tadam.eval.anomaly.detect.TadamDetector;
import org.tadam.eval.anomaly.report.AnomalyReportFiles;
import org.tadam.eval.anomaly.report.AnomalyTable;
import org.tadam.learner.export.ModelExporter;
import org.tadam.model.Automaton;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tadam bench-anomaly}: the anomaly benchmark of {@code org.tadam.eval.anomaly}. TADAM's models go through
 * this command line's model files: written under DIR/models and scored as read back, as {@code tadam score} would.
 */
@Command(name = "bench-anomaly", mixinStandardHelpOptions = true,
		description = { "Learns models of the training capture with TADAM and the baselines, scores every connection of the test capture, "
				+ "matches the label rows to the connections and writes DIR/report.html (AU-ROC and ROC curves of normal against each "
				+ "attack label, per detector), DIR/summary.json, DIR/scores.tsv and TADAM's models under DIR/models:",
				"  tadam bench-anomaly --train http.pcap --test http-dev.pcap --labels http-dev.labels.tsv -o DIR",
				"Labels: one row per connection, proto client_ip client_port server_ip server_port first_ts label (tab-separated, an "
						+ "optional header); a row matches the connection of that protocol between those endpoints (either direction) whose "
						+ "first packet is within 1 µs of first_ts. Rows and connections left unmatched are counted and listed, not used.",
				"Word files instead of captures (e.g. ground-truth words): --train-words A.txt --test-words B.txt --labels L.tsv, rows "
						+ "'word label' naming each test word by its 1-based number; a test word is scored by the model of its service "
						+ "(a reference-format file's service is its file name: name both files alike).",
				"The AU-ROC table goes to stdout (with the seconds each detector took), progress to stderr.",
				"Exit code 0 = report written, 2 = bad usage, unreadable capture or labels file, or a label row that does not parse." })
final class BenchAnomalyCommand implements Callable<Integer> {
	private static final List<String> DETECTORS = List.of("tadam", "tadam-no-noise", "markov", "hmm", "learnlib");

	@Option(names = "--train", paramLabel = "CAPTURE", description = "training capture of normal traffic (repeatable)")
	private List<Path> train = new ArrayList<>();

	@Option(names = "--test", paramLabel = "CAPTURE", description = "test capture to score")
	private Path test;

	@Option(names = "--train-words", paramLabel = "FILE", description = "instead of captures: training word file (repeatable; "
			+ "text or reference format, as learn --words)")
	private List<Path> trainWords = new ArrayList<>();

	@Option(names = "--test-words", paramLabel = "FILE", description = "instead of a test capture: a word file, whose words "
			+ "--labels names by number (rows: word label)")
	private Path testWords;

	@Option(names = "--labels", required = true, paramLabel = "FILE", description = "one label row per test connection (or word)")
	private Path labels;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "directory of the report (created if needed)")
	private Path output;

	@Option(names = "--detectors", paramLabel = "LIST", split = ",", description = "detectors to run, in the report's order (default: all): "
			+ "tadam, tadam-no-noise, markov, hmm, learnlib")
	private List<String> detectors = new ArrayList<>(DETECTORS);

	@Option(names = "--min-connections", paramLabel = "N", defaultValue = "" + AnomalyOptions.DEFAULT_MIN_CONNECTIONS,
			description = "a service with fewer training connections is learned in its protocol's pool of rare services (default: ${DEFAULT-VALUE})")
	private int minConnections;

	@Option(names = "--normal-label", paramLabel = "LABEL", defaultValue = AnomalyOptions.DEFAULT_NORMAL_LABEL,
			description = "the label of normal connections; every other label is an attack type (default: ${DEFAULT-VALUE})")
	private String normalLabel;

	@Option(names = "--service-port", paramLabel = "PORT[/PROTO]=NAME", description = "names a server port (repeatable), e.g. 8080=http")
	private List<String> servicePorts = new ArrayList<>();

	@Option(names = "--udp-timeout", paramLabel = "SECONDS", description = "a UDP flow idle this long ends, in both captures (default: 60, as learn)")
	private Double udpTimeout;

	@Option(names = "--random-alpha", paramLabel = "A", defaultValue = "0.05",
			description = "level of the χ² randomness test of payload classes, as learn's (default: ${DEFAULT-VALUE})")
	private double randomAlpha;

	@Option(names = "--threads", paramLabel = "N", description = "threads of the TADAM learner (default: all cores); the result does not depend on it")
	private Integer threads;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the HMM's start (default: ${DEFAULT-VALUE})")
	private long seed;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		boolean words = testWords != null || !trainWords.isEmpty();
		String usage = inputProblem(words);
		if (usage != null) {
			err.println("tadam bench-anomaly: " + usage);
			return TadamCli.EXIT_ERROR;
		}
		AnomalyOptions options;
		try {
			TrackerOptions tracker = TrackerOptions.defaults().withRandomAlpha(randomAlpha);
			if (udpTimeout != null) {
				tracker = tracker.withUdpTimeoutSeconds(udpTimeout);
			}
			IngestOptions ingest = IngestOptions.defaults().withServices(WordInputs.services(servicePorts)).withTracker(tracker);
			options = new AnomalyOptions(ingest, minConnections, normalLabel, detectors(ingest, new FileStore(output.resolve("models"))));
			Files.createDirectories(output);
		} catch (IllegalArgumentException e) {
			err.println("tadam bench-anomaly: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		} catch (IOException e) {
			err.println("tadam: " + output + ": cannot create the directory: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		try {
			AnomalyBench bench = new AnomalyBench(options, err);
			BenchResult result = words ? bench.runWords(trainWords, testWords, labels) : bench.run(train, test, labels);
			result.unmatchedRows().stream().limit(5).forEach(r -> err.println("tadam bench-anomaly: " + labels + ":" + r.line()
					+ ": no connection matches " + r.describe() + " (" + r.label() + ")"));
			result.unlabeled().stream().limit(5).forEach(c -> err.println("tadam bench-anomaly: " + (words ? c.connection()
					: "connection #" + c.index() + " " + c.protocol() + " " + c.connection()) + " matches no label row"));
			AnomalyReportFiles.write(result, output);
			err.println("tadam bench-anomaly: wrote " + output.resolve(AnomalyReportFiles.HTML) + ", " + AnomalyReportFiles.JSON + " and "
					+ AnomalyReportFiles.SCORES);
			out.print(AnomalyTable.of(result));
			out.flush();
			return 0;
		} catch (EvalException e) {
			err.println("tadam bench-anomaly: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		} catch (IOException e) {
			err.println("tadam: " + output + ": cannot write the report: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
	}

	/** What is wrong with the choice of inputs, or null: captures or word files, each with training and test. */
	private String inputProblem(boolean words) {
		if (words && (test != null || !train.isEmpty())) {
			return "give captures (--train, --test) or word files (--train-words, --test-words), not both";
		}
		if (words) {
			return testWords == null || trainWords.isEmpty() ? "--train-words and --test-words go together" : null;
		}
		return test == null || train.isEmpty() ? "give --train and --test captures (or --train-words and --test-words)" : null;
	}

	private List<Detector> detectors(IngestOptions ingest, TadamDetector.ModelStore store) {
		int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
		String symbols = randomAlpha == PayloadClassifier.DEFAULT_ALPHA ? null : TrackerOptions.RANDOM_ALPHA_KEY + randomAlpha;
		List<Detector> tadam = TadamDetector.both(cores, ingest.quantisation(), symbols, store);
		List<Detector> chosen = new ArrayList<>();
		for (String name : detectors) {
			chosen.add(switch (name.trim()) {
			case "tadam" -> tadam.get(0);
			case "tadam-no-noise" -> tadam.get(1);
			case "markov" -> new MarkovChainDetector();
			case "hmm" -> new HmmDetector(seed);
			case "learnlib" -> new StateMergingDetector();
			default -> throw new IllegalArgumentException("unknown detector '" + name + "': choose from " + String.join(", ", DETECTORS));
			});
		}
		return chosen;
	}

	/** TADAM's models as .tadam files under DIR/models/DETECTOR, scored as read back; a run first clears its directories. */
	private static final class FileStore implements TadamDetector.ModelStore {
		private final Path root;
		private final Set<String> cleared = new HashSet<>();

		FileStore(Path root) {
			this.root = root;
		}

		@Override
		public Automaton keep(Automaton model, String directory) throws EvalException {
			Path dir = root.resolve(directory);
			Path file = dir.resolve(ModelExporter.identifier(model.getName()) + "." + ModelFiles.TEXT_EXTENSION);
			try {
				if (cleared.add(directory)) {
					clear(dir);
				}
				ModelFiles files = Languages.modelFiles();
				files.save(model, file);
				ModelFiles.Loaded loaded = files.load(file);
				if (loaded.hasErrors() || loaded.automaton() == null) {
					throw new EvalException(file + ": the written model does not read back without errors");
				}
				return loaded.automaton();
			} catch (ModelFileException e) {
				throw new EvalException(e.getMessage());
			} catch (IOException e) {
				throw new EvalException(dir + ": cannot write the models: " + e.getMessage());
			}
		}

		private static void clear(Path dir) throws IOException {
			Files.createDirectories(dir);
			try (Stream<Path> files = Files.list(dir)) {
				for (Path f : files.filter(f -> f.toString().endsWith("." + ModelFiles.TEXT_EXTENSION)).toList()) {
					Files.delete(f);
				}
			}
		}
	}
}
