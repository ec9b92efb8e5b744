package org.tadam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.learner.score.AuRoc;
import org.tadam.learner.score.WordScorer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tadam score}: anomaly scores of the connections of captures under a learned model. The
 * scoring is done by {@link WordScorer}; this class reads inputs and prints.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
		description = { "Scores every connection of the captures under a learned model: its MDL cost in bits by the learner's own "
				+ "per-connection rule (a connection the model parses pays its cheapest exact path, any other the cheaper of its best "
				+ "noisy alignment and its explicit code), bits per letter (higher = more anomalous), and the log2-likelihood of its "
				+ "most likely path (-1000 = no path of the model spells it).",
				"Only connections of the model's protocol and service are scored: a UDP DNS model does not score TCP DNS connections "
				+ "(--any-service: every service, still only over the model's protocol). A word from a word file has no protocol: it "
				+ "counts as TCP when a symbol carries TCP flags, else as UDP.",
				"Columns: index, connection, protocol, service, model (the automaton's name), letters (with the end letter), bits, "
				+ "bits/letter, log2-likelihood.",
				"--labels FILE: one line per connection, INDEX<TAB>0|1 (INDEX as printed, 1 = anomalous; '#' starts a comment); "
						+ "the AU-ROC of both scores is printed.",
				"Exit code 0 = ok, 2 = unreadable or invalid model, capture or labels." })
final class ScoreCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "MODEL", description = "a learned .tadam (or .xmi) model")
	private Path model;

	@Parameters(index = "1..*", arity = "0..*", paramLabel = "CAPTURE", description = "pcap or pcapng files")
	private List<Path> captures = new ArrayList<>();

	@Option(names = "--words", paramLabel = "FILE", description = "also score the words of a text word file (repeatable)")
	private List<Path> wordFiles = new ArrayList<>();

	@Option(names = "--labels", paramLabel = "FILE", description = "labels for the AU-ROC")
	private Path labels;

	@Option(names = "--any-service", description = "score connections of every service over the model's protocol, not only the model's service")
	private boolean anyService;

	@Option(names = "--service-port", paramLabel = "PORT[/PROTO]=NAME", description = "names a server port (repeatable), e.g. 8080=http")
	private List<String> servicePorts = new ArrayList<>();

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (captures.isEmpty() && wordFiles.isEmpty()) {
			err.println("tadam score: give capture files or --words FILE");
			return TadamCli.EXIT_ERROR;
		}
		ModelFiles.Loaded loaded;
		try {
			loaded = Languages.modelFiles().load(model);
		} catch (ModelFileException e) {
			err.println("tadam: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		if (loaded.hasErrors() || loaded.automaton() == null) {
			IssuePrinter.print(model, loaded.issues(), err);
			err.println("tadam: " + model + ": the model has errors");
			return TadamCli.EXIT_ERROR;
		}
		String service = loaded.automaton().getService();
		String protocol = loaded.automaton().getProtocol().getLiteral();
		String name = loaded.automaton().getName();
		List<TimedWord> words = new ArrayList<>();
		IngestOptions options;
		try {
			// payload classes as the model's training words had them (the randomness test's level)
			String recorded = loaded.automaton().getProvenance() == null ? null : loaded.automaton().getProvenance().getOptions();
			IngestOptions defaults = IngestOptions.defaults();
			options = defaults.withServices(WordInputs.services(servicePorts))
					.withTracker(defaults.tracker().withRandomAlpha(TrackerOptions.randomAlphaOf(recorded)))
					.withServiceFilter(anyService || service == null ? Set.of() : Set.of(service));
		} catch (IllegalArgumentException e) {
			err.println("tadam score: " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		// the service is filtered while reading, the protocol here: one automaton holds one protocol's letters
		Consumer<TimedWord> sameProtocol = w -> {
			String p = protocolOf(w);
			if (p == null || p.equals(protocol)) {
				words.add(w);
			}
		};
		boolean inputErrors = WordInputs.readCaptures(options, captures, sameProtocol, err);
		if (!WordInputs.readWordFiles(wordFiles, s -> anyService || service == null || service.equals(s), sameProtocol, err)) {
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
		WordScorer scorer;
		try {
			scorer = new WordScorer(loaded.automaton());
		} catch (IllegalArgumentException e) {
			err.println("tadam: " + model + ": " + e.getMessage());
			return TadamCli.EXIT_ERROR;
		}
		out.println("index\tconnection\tprotocol\tservice\tmodel\tletters\tbits\tbits/letter\tlog2-likelihood");
		List<Double> perLetter = new ArrayList<>();
		List<Double> negativeLikelihood = new ArrayList<>();
		List<Boolean> anomalous = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			TimedWord w = words.get(i);
			WordScorer.Score score = scorer.score(w.symbols(), w.values());
			String connection = w.connection() == null ? "-" : w.connection().initiator() + " > " + w.connection().responder();
			String p = protocolOf(w);
			out.printf("%d\t%s\t%s\t%s\t%s\t%d\t%.2f\t%.3f\t%.2f%n", i, connection, p == null ? "-" : p, w.service(), name,
					score.letters(), score.bits(), score.bitsPerLetter(), score.logLikelihood());
			Boolean l = label.get(i);
			if (l != null) {
				perLetter.add(score.bitsPerLetter());
				negativeLikelihood.add(-score.logLikelihood());
				anomalous.add(l);
			}
		}
		if (labels != null) {
			boolean[] y = new boolean[anomalous.size()];
			for (int i = 0; i < y.length; i++) {
				y[i] = anomalous.get(i);
			}
			double mdl = AuRoc.of(perLetter.stream().mapToDouble(Double::doubleValue).toArray(), y);
			double ll = AuRoc.of(negativeLikelihood.stream().mapToDouble(Double::doubleValue).toArray(), y);
			out.printf("AU-ROC (MDL bits per letter): %.4f%n", mdl);
			out.printf("AU-ROC (negative log-likelihood): %.4f%n", ll);
			out.printf("labelled connections: %d (%d anomalous)%n", y.length, anomalous.stream().filter(b -> b).count());
		}
		out.flush();
		return inputErrors ? TadamCli.EXIT_ERROR : 0;
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
