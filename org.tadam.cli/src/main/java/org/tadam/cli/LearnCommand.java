package org.tadam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.tadam.dsl.io.ModelFileException;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.LearnerOptions;
import org.tadam.learner.TadamLearner;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.LiveCapture;
import org.tadam.capture.ServiceGroups;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.capture.payload.PayloadClassifier;
import org.tadam.capture.word.SymbolAbstraction;
import org.tadam.capture.word.ValueQuantisation;
import org.tadam.learner.export.ModelExporter;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.model.Automaton;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tadam learn}: captures (or word files) → one learned .tadam model per service (or per
 * service and connection outcome). The learning is done by {@link TadamLearner}; this class maps
 * options, shows progress, writes the files and prints the summary.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
		description = { "Learns one TADAM automaton per service from pcap/pcapng captures (or from word files) and writes DIR/SERVICE.tadam (SERVICE_tcp and SERVICE_udp when a service runs over both, e.g. DNS).",
				"With --interface IF it captures live on IF for --duration (60s by default), then learns from what it captured, e.g. tadam learn --interface eth0 --duration 5m --filter 'tcp port 80' -o models",
				"Progress goes to stderr; the summary table (service, connections, states, edges, model bits, data bits, seconds) to stdout.",
				"Ctrl-C during a live capture ends the capture and learns from what it has; during learning it stops the search and writes the best model so far.",
				"Exit code 0 = ok, 2 = bad usage, unreadable input or a model that could not be written." })
final class LearnCommand implements Callable<Integer> {

	@Parameters(arity = "0..*", paramLabel = "CAPTURE", description = "pcap or pcapng files")
	private List<Path> captures = new ArrayList<>();

	@Mixin
	private LiveOptions live = new LiveOptions();

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "directory for the .tadam files (created if needed)")
	private Path output;

	@Option(names = "--words", paramLabel = "FILE", description = "also learn from a text word file (SERVICE<TAB>SYMBOL:IAT,SIZE ..., as written by 'tadam words'); repeatable")
	private List<Path> wordFiles = new ArrayList<>();

	@Option(names = "--service", paramLabel = "S", description = "only this service (repeatable), e.g. http, dns, tcp/8081")
	private List<String> services = new ArrayList<>();

	@Option(names = "--service-port", paramLabel = "PORT[/PROTO]=NAME", description = "names a server port (repeatable), e.g. 8080=http")
	private List<String> servicePorts = new ArrayList<>();

	@Option(names = "--by-outcome", description = "one automaton per service and connection outcome (SF, S0, REJ, ...)")
	private boolean byOutcome;

	@Option(names = "--noise", paramLabel = "KINDS", defaultValue = "missing,spurious,duplicated,swapped",
			description = "noise kinds the learner may explain: a list of missing, spurious, duplicated, swapped, or none (default: ${DEFAULT-VALUE})")
	private String noise;

	@Option(names = "--init", paramLabel = "bigram|prefix", defaultValue = "bigram", description = "starting automaton (default: ${DEFAULT-VALUE})")
	private String init;

	@Option(names = "--threads", paramLabel = "N", description = "threads scoring candidates (default: all cores); the result does not depend on it")
	private Integer threads;

	@Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100000", description = "stop after N operations (default: ${DEFAULT-VALUE})")
	private int maxIterations;

	@Option(names = "--value-floor", paramLabel = "P", defaultValue = "0.001",
			description = "least probability per value component the value code of a parsed packet assumes: the [iat, size] cell's floor is its square "
					+ "(default: ${DEFAULT-VALUE}, Part B as amended: 10^-6 a cell); a smaller floor lets differences between wide laws count; "
					+ "recorded in the model, and score uses it")
	private double valueFloor;

	@Option(names = "--exact-candidates", paramLabel = "N", defaultValue = "8",
			description = "the search screens every candidate cheaply, then scores this many exactly at a time, best first, until one lowers the cost; "
					+ "0 scores every candidate exactly, as the reference (many times slower) (default: ${DEFAULT-VALUE})")
	private int exactCandidates;

	@Option(names = "--min-coverage", paramLabel = "F", defaultValue = "0.95",
			description = "least share of the training connections the model must parse without noise operations: the search deletes no "
					+ "sub-part that would leave fewer (default: ${DEFAULT-VALUE}); 0 lets the MDL code trade any connection for noise, "
					+ "as the reference does (for captures known to be lossy)")
	private double minCoverage;

	@Option(names = "--max-packets", paramLabel = "N", defaultValue = "1000", description = "letters per word; longer connections are truncated (default: ${DEFAULT-VALUE})")
	private int maxPackets;

	@Option(names = "--no-payload-classes", description = "symbols from TCP flags and direction only")
	private boolean noPayloadClasses;

	@Option(names = "--random-alpha", paramLabel = "A", defaultValue = "0.05",
			description = "level of the χ² randomness test of payload classes (default: ${DEFAULT-VALUE}, Part B): each truly random payload "
					+ "is called Replay with this probability, which breaks up encrypted sessions; recorded in the model, and score uses it")
	private double randomAlpha;

	@Option(names = "--no-progress", description = "no progress display")
	private boolean noProgress;

	@Spec
	private CommandSpec spec;

	private volatile TadamLearner running;
	private volatile boolean interrupted;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (captures.isEmpty() && wordFiles.isEmpty() && !live.given()) {
			err.println("tadam learn: give capture files, --interface IF or --words FILE");
			return TadamCli.EXIT_ERROR;
		}
		if (live.problem(!captures.isEmpty()) != null) {
			err.println("tadam learn: " + live.problem(!captures.isEmpty()));
			return TadamCli.EXIT_ERROR;
		}
		LearnerOptions options;
		IngestOptions ingest;
		try {
			LearnerOptions.Init start = switch (init) {
			case "bigram" -> LearnerOptions.Init.BIGRAM;
			case "prefix" -> LearnerOptions.Init.PREFIX;
			default -> throw new IllegalArgumentException("--init must be bigram or prefix, not '" + init + "'");
			};
			Set<NoiseKind> kinds = NoiseKind.parse(noise);
			if (!(valueFloor > 0 && valueFloor <= 1)) {
				throw new IllegalArgumentException("--value-floor must be in (0, 1], not " + valueFloor);
			}
			if (!(minCoverage >= 0 && minCoverage <= 1)) {
				throw new IllegalArgumentException("--min-coverage must be in [0, 1], not " + minCoverage);
			}
			if (exactCandidates < 0) {
				throw new IllegalArgumentException("--exact-candidates must be 0 or more, not " + exactCandidates);
			}
			options = LearnerOptions.defaults().withInit(start).withNoise(kinds).withMaxIterations(maxIterations)
					.withValueFloor(valueFloor).withExactCandidates(exactCandidates).withMinCoverage(minCoverage);
			if (threads != null) {
				options = options.withThreads(threads);
			}
			ingest = IngestOptions.defaults().withServices(WordInputs.services(servicePorts))
					.withTracker(TrackerOptions.defaults().withMaxPackets(maxPackets).withClassifyPayloads(!noPayloadClasses)
							.withRandomAlpha(randomAlpha))
					.withAlphabet(noPayloadClasses ? SymbolAbstraction.flagsOnly() : SymbolAbstraction.standard())
					.withServiceFilter(Set.copyOf(services));
		} catch (IllegalArgumentException e) {
			err.println("tadam learn: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		ServiceGroups groups = new ServiceGroups(byOutcome);
		Map<String, Long> found = new HashMap<>();
		boolean inputErrors = WordInputs.readCaptures(ingest, captures, groups::add, err, found);
		if (!WordInputs.readWordFiles(wordFiles, s -> services.isEmpty() || services.contains(s), groups::add, err)) {
			return TadamCli.EXIT_ERROR;
		}
		// last, so that a bad word file is reported before a capture is spent
		if (live.given()) {
			LiveCapture capture = live.open("learn", err);
			if (capture == null) {
				return TadamCli.EXIT_ERROR;
			}
			WordInputs.printSkips(LiveOptions.run(capture, "learn", ingest, !noProgress, groups::add, err, "learning from"), err);
			inputErrors |= capture.failure() != null;
		}
		if (groups.isEmpty()) {
			if (services.isEmpty() || found.isEmpty()) {
				err.println("tadam learn: no connection to learn from");
			} else {
				err.println("tadam learn: no connection of --service " + String.join(", ", services) + " in the input; its connections are "
						+ WordInputs.servicesFound(found) + ": give --service one of these names, or tcp/PORT or udp/PORT");
			}
			return TadamCli.EXIT_ERROR;
		}
		try {
			Files.createDirectories(output);
		} catch (IOException e) {
			err.println("tadam: " + output + ": cannot create the directory: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		CountDownLatch finished = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			interrupted = true;
			TadamLearner l = running;
			if (l != null) {
				l.requestStop();
			}
			try {
				finished.await(120, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "tadam-learn-interrupt");
		Runtime.getRuntime().addShutdownHook(hook);
		List<String> inputs = new ArrayList<>();
		captures.forEach(p -> inputs.add(p.getFileName().toString()));
		if (live.given()) {
			inputs.add(live.source());
		}
		wordFiles.forEach(p -> inputs.add(p.getFileName().toString()));
		List<String[]> rows = new ArrayList<>();
		int failures = 0;
		try {
			for (ServiceGroups.Group g : groups.groups()) {
				String label = groups.label(g, " ");
				if (interrupted) {
					err.println("tadam learn: interrupted before " + label + " was learned");
					continue;
				}
				TadamLearner learner;
				LearnedModel model;
				try (LearnProgress progress = new LearnProgress(label, err, !noProgress)) {
					learner = new TadamLearner(options.withListener(progress));
					learner.addSamples(g.words());
					running = learner;
					model = learner.computeModel();
					running = null;
				}
				String name = label.replace(' ', '_');
				ValueQuantisation quantisation = g.words().get(0).connection() == null ? null : ingest.quantisation();
				Automaton automaton;
				try {
					automaton = ModelExporter.toModel(model, new ModelExporter.Info(name, g.protocol(), g.service(),
							List.copyOf(g.ports()), g.outcome(), quantisation, inputs, symbolOptions()));
				} catch (IllegalArgumentException e) {
					err.println("tadam learn: " + label + ": " + e.getMessage());
					failures++;
					continue;
				}
				Path file = output.resolve(ModelExporter.identifier(name) + ".tadam");
				try {
					Languages.modelFiles().save(automaton, file);
				} catch (ModelFileException e) {
					err.println("tadam: " + e.getMessage());
					failures++;
					continue;
				}
				if (model.stopped()) {
					err.println("tadam learn: " + label + ": interrupted, wrote the best model so far to " + file);
				}
				int parsed = automaton.getProvenance().getParsedConnections();
				rows.add(new String[] { label, Long.toString(model.connections()),
						String.format(Locale.ROOT, "%d (%.1f %%)", parsed, 100.0 * parsed / model.connections()),
						Integer.toString(model.automaton().stateCount()),
						Integer.toString(model.automaton().edgeCount()), String.format("%.1f", model.modelBits()),
						String.format("%.1f", model.dataBits()), String.format("%.2f", model.seconds()), file.toString() });
			}
			printSummary(out, rows);
		} finally {
			finished.countDown();
			if (!interrupted) {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
		}
		return failures > 0 || inputErrors ? TadamCli.EXIT_ERROR : 0;
	}

	private static void printSummary(PrintWriter out, List<String[]> rows) {
		String[] header = { "service", "connections", "parsed", "states", "edges", "model bits", "data bits", "seconds", "file" };
		int[] width = new int[header.length];
		for (int i = 0; i < header.length; i++) {
			width[i] = header[i].length();
			for (String[] r : rows) {
				width[i] = Math.max(width[i], r[i].length());
			}
		}
		StringBuilder sb = new StringBuilder();
		for (String[] r : prepend(header, rows)) {
			for (int i = 0; i < r.length; i++) {
				String cell = i == 0 || i == r.length - 1 ? String.format("%-" + width[i] + "s", r[i]) : String.format("%" + width[i] + "s", r[i]);
				sb.append(i == 0 ? "" : "  ").append(cell);
			}
			sb.append(System.lineSeparator());
		}
		out.print(sb);
		out.flush();
	}

	private static List<String[]> prepend(String[] header, List<String[]> rows) {
		List<String[]> all = new ArrayList<>();
		all.add(header);
		all.addAll(rows);
		return all;
	}

	/** What the provenance records of how symbols were made: the randomness test's level unless it is Part B's. */
	private String symbolOptions() {
		return randomAlpha == PayloadClassifier.DEFAULT_ALPHA ? null : TrackerOptions.RANDOM_ALPHA_KEY + randomAlpha;
	}
}
