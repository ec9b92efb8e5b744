package org.tadam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.learner.score.AuRoc;
import org.tadam.learner.score.ServiceModels;
import org.tadam.learner.score.WordScorer;
import org.tadam.model.Automaton;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tadam score}: one anomaly score per connection of captures under learned models. The
 * scoring is done by {@link ServiceModels} and {@link WordScorer}; this class reads inputs and prints.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
		description = { "Gives every connection of the captures one anomaly score under learned models (higher = more anomalous), "
				+ "e.g. tadam score models/*.tadam capture.pcap",
				"A connection is scored by the model of its protocol and service. Its MDL cost in bits is the learner's own per-connection "
						+ "rule (a connection the model parses pays its cheapest exact path, any other the cheaper of its best noisy alignment "
						+ "and its explicit code); the score adds the spelling of symbols the model never saw and the code of whether the "
						+ "model parses it (from the model's recorded coverage), per letter. A connection whose service has no model is spelled "
						+ "out letter by letter (--any-service: scored by a model of its protocol instead). A word from a word file has no "
						+ "protocol: it counts as TCP when a symbol carries TCP flags, else as UDP.",
				"Columns: index (of the connection among all connections read), connection, protocol, service, model, letters (with the end "
						+ "letter), bits, bits/letter, log2-likelihood of the most likely path (-1000 = no path spells it), score, reason "
						+ "(cost; outside the model's alphabet; no model for this service...).",
				"--labels FILE: one line per connection, INDEX<TAB>0|1 (INDEX as printed, 1 = anomalous; '#' starts a comment); "
						+ "the AU-ROC of the score, of bits per letter and of the negative log-likelihood are printed.",
				"Exit code 0 = ok, 2 = unreadable or invalid model, capture or labels." })
final class ScoreCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "learned models (.tadam or .xmi), then pcap or pcapng captures")
	private List<Path> files = new ArrayList<>();

	@Option(names = "--words", paramLabel = "FILE", description = "also score the words of a text word file (repeatable)")
	private List<Path> wordFiles = new ArrayList<>();

	@Option(names = "--labels", paramLabel = "FILE", description = "labels for the AU-ROC")
	private Path labels;

	@Option(names = "--any-service", description = "a connection whose service has no model is scored by the first model of its protocol")
	private boolean anyService;

	@Option(names = "--service-port", paramLabel = "PORT[/PROTO]=NAME", description = "names a server port (repeatable), e.g. 8080=http")
	private List<String> servicePorts = new ArrayList<>();

	@Option(names = "--udp-timeout", paramLabel = "SECONDS", description = "a UDP flow idle this long ends (default: 60, as learn)")
	private Double udpTimeout;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		List<Path> modelFiles = files.stream().filter(ScoreCommand::isModel).toList();
		List<Path> captures = files.stream().filter(f -> !isModel(f)).toList();
		if (modelFiles.isEmpty()) {
			err.println("tadam score: give at least one model (.tadam or .xmi)");
			return TadamCli.EXIT_ERROR;
		}
		if (captures.isEmpty() && wordFiles.isEmpty()) {
			err.println("tadam score: give capture files or --words FILE");
			return TadamCli.EXIT_ERROR;
		}
		List<Automaton> models = new ArrayList<>();
		for (Path model : modelFiles) {
			Automaton a = load(model, err);
			if (a == null) {
				return TadamCli.EXIT_ERROR;
			}
			models.add(a);
		}
		ServiceModels scorers = new ServiceModels();
		IngestOptions options;
		try {
			for (Automaton a : models) {
				scorers.add(a);
				if (anyService) {
					scorers.addFallback(a);
				}
			}
			options = ingestOptions(models);
		} catch (IllegalArgumentException e) {
			err.println("tadam score: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		List<TimedWord> words = new ArrayList<>();
		boolean inputErrors = WordInputs.readCaptures(options, captures, words::add, err);
		if (!WordInputs.readWordFiles(wordFiles, s -> true, words::add, err)) {
			return TadamCli.EXIT_ERROR;
		}
		Map<Integer, Boolean> label = new HashMap<>();
		if (labels != null) {
			try {
				label = readLabels(labels);
			} catch (IOException e) {
				err.println("tadam: " + labels + ": cannot be read: " + e.getMessage());
				return TadamCli.EXIT_ERROR;
			} catch (IllegalArgumentException e) {
				err.println("tadam: " + e.getMessage());
				return TadamCli.EXIT_ERROR;
			}
		}
		out.println("index\tconnection\tprotocol\tservice\tmodel\tletters\tbits\tbits/letter\tlog2-likelihood\tscore\treason");
		List<double[]> labelled = new ArrayList<>();
		List<Boolean> anomalous = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			TimedWord w = words.get(i);
			String connection = w.connection() == null ? "-" : w.connection().initiator() + " > " + w.connection().responder();
			String p = protocolOf(w);
			ServiceModels.Scored s = scorers.score(p == null ? "tcp" : p, w.service(), w.symbols(), w.values());
			out.printf(Locale.ROOT, "%d\t%s\t%s\t%s\t%s\t%d\t%.2f\t%.3f\t%s\t%.3f\t%s%n", i, connection, p == null ? "-" : p, w.service(),
					s.model() == null ? "-" : s.model(), s.letters(), s.bits(), s.bits() / s.letters(),
					Double.isNaN(s.logLikelihood()) ? "-" : String.format(Locale.ROOT, "%.2f", s.logLikelihood()), s.anomaly(),
					s.reason().text());
			Boolean l = label.get(i);
			if (l != null) {
				double ll = Double.isNaN(s.logLikelihood()) ? WordScorer.UNPARSED : s.logLikelihood();
				labelled.add(new double[] { s.anomaly(), s.bits() / s.letters(), -ll });
				anomalous.add(l);
			}
		}
		if (labels != null) {
			printAuRoc(out, labelled, anomalous);
		}
		out.flush();
		return inputErrors ? TadamCli.EXIT_ERROR : 0;
	}

	private static boolean isModel(Path file) {
		String ext = ModelFiles.extension(file);
		return ModelFiles.TEXT_EXTENSION.equals(ext) || ModelFiles.XMI_EXTENSION.equals(ext);
	}

	private static Automaton load(Path model, PrintWriter err) {
		ModelFiles.Loaded loaded;
		try {
			loaded = Languages.modelFiles().load(model);
		} catch (ModelFileException e) {
			err.println("tadam: " + e.getMessage());
			return null;
		}
		if (loaded.hasErrors() || loaded.automaton() == null) {
			IssuePrinter.print(model, loaded.issues(), err);
			err.println("tadam: " + model + ": the model has errors");
			return null;
		}
		return loaded.automaton();
	}

	/**
	 * Captures are read as the models' training captures were: payload classes at the randomness test's level the
	 * models record (they must agree), every service kept, so that the index counts every connection.
	 */
	private IngestOptions ingestOptions(List<Automaton> models) {
		Double alpha = null;
		for (Automaton a : models) {
			double level = TrackerOptions.randomAlphaOf(a.getProvenance() == null ? null : a.getProvenance().getOptions());
			if (alpha != null && alpha != level) {
				throw new IllegalArgumentException("the models were learned with different --random-alpha levels (" + alpha + ", " + level
						+ "): score them separately");
			}
			alpha = level;
		}
		IngestOptions defaults = IngestOptions.defaults();
		TrackerOptions tracker = defaults.tracker().withRandomAlpha(alpha);
		if (udpTimeout != null) {
			tracker = tracker.withUdpTimeoutSeconds(udpTimeout);
		}
		return defaults.withServices(WordInputs.services(servicePorts)).withTracker(tracker);
	}

	private static void printAuRoc(PrintWriter out, List<double[]> labelled, List<Boolean> anomalous) {
		boolean[] y = new boolean[anomalous.size()];
		for (int i = 0; i < y.length; i++) {
			y[i] = anomalous.get(i);
		}
		String[] names = { "anomaly score", "MDL bits per letter", "negative log-likelihood" };
		for (int k = 0; k < names.length; k++) {
			int column = k;
			double auc = AuRoc.of(labelled.stream().mapToDouble(r -> r[column]).toArray(), y);
			out.println("AU-ROC (" + names[k] + "): "
					+ (Double.isNaN(auc) ? "undefined (one class only)" : String.format(Locale.ROOT, "%.4f", auc)));
		}
		out.printf("labelled connections: %d (%d anomalous)%n", y.length, anomalous.stream().filter(b -> b).count());
	}

	/**
	 * The word's L4 protocol ("tcp" or "udp"): its connection's; a word from a word file has none, and is TCP when a
	 * symbol carries TCP flags (a UDP symbol starts with its direction, as the learner's exporter decides), null when
	 * it has no letter.
	 */
	static String protocolOf(TimedWord w) {
		if (w.connection() != null) {
			return w.connection().protocolName();
		}
		if (w.letters().isEmpty()) {
			return null;
		}
		for (String s : w.symbols()) {
			if (!s.isEmpty() && s.charAt(0) != '>' && s.charAt(0) != '<') {
				return "tcp";
			}
		}
		return "udp";
	}

	private static Map<Integer, Boolean> readLabels(Path file) throws IOException {
		Map<Integer, Boolean> labels = new HashMap<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int n = 0; n < lines.size(); n++) {
			String line = lines.get(n).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\\s+");
			try {
				if (parts.length != 2 || !(parts[1].equals("0") || parts[1].equals("1"))) {
					throw new NumberFormatException();
				}
				labels.put(Integer.parseInt(parts[0]), parts[1].equals("1"));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected INDEX<TAB>0|1");
			}
		}
		return labels;
	}
}
