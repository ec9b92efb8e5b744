package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.ServiceGroups;
import org.tadam.capture.word.TimedWord;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.LearnerOptions;
import org.tadam.learner.TadamLearner;
import org.tadam.learner.export.ModelExporter;
import org.tadam.learner.score.ModelGraph;
import org.tadam.learner.score.WordScorer;
import org.tadam.model.Automaton;

/**
 * Issue 12, "one cost": on every bundled capture, each model {@code learn} writes scores its own training connections
 * as learning charged them. (a) Every connection the learner parsed without noise has a finite log-likelihood under
 * the written model; (b) the bits {@code score} gives each training connection equal the learner's code of it (with
 * the parameters the file records) to 1e-6 bits, for parsed and for noisy connections alike, and {@code tadam score}
 * prints those connections, in order, with those bits. (On these captures the reference's greedy walk happens not to
 * dead-end on a parsed word; {@code WordScorerTest} in the learner has a model where it does.)
 */
class OneCostTest {

	private static final double TOLERANCE = 1e-6;

	@ParameterizedTest
	@ValueSource(strings = { "../samples/captures/web-dns.pcap", "../org.tadam.capture/src/test/resources/org/tadam/capture/http.pcap",
			"../org.tadam.capture/src/test/resources/org/tadam/capture/udp.pcap" })
	void scoreChargesEachTrainingConnectionWhatLearningCharged(String capture, @TempDir Path dir) throws Exception {
		ServiceGroups groups = new ServiceGroups(false);
		new CaptureIngest(IngestOptions.defaults()).words(List.of(Path.of(capture)), groups::add);
		assertFalse(groups.isEmpty(), capture);
		ModelFiles files = Languages.modelFiles();
		for (ServiceGroups.Group g : groups.groups()) {
			String label = groups.label(g, "_");
			TadamLearner learner = new TadamLearner(LearnerOptions.defaults().withThreads(2));
			learner.addSamples(g.words());
			LearnedModel m = learner.computeModel();
			Automaton written = ModelExporter.toModel(m, new ModelExporter.Info(label, g.protocol(), g.service(),
					List.copyOf(g.ports()), null, IngestOptions.defaults().quantisation(), List.of(capture)));
			Path file = dir.resolve(ModelExporter.identifier(label) + ".tadam");
			files.save(written, file);
			Automaton read = files.load(file).automaton();
			// the learner's explicit letter code is uniform over the training alphabet: the model must say its size
			assertEquals(m.corpus().alphabet().size(), new ModelGraph(read).alphabetSize(), label);
			double[] learned = m.wordBits(written);
			boolean[] matched = m.matchedSamples();
			WordScorer scorer = new WordScorer(read);
			List<WordScorer.Score> scores = new ArrayList<>();
			for (int i = 0; i < g.words().size(); i++) {
				TimedWord w = g.words().get(i);
				WordScorer.Score s = scorer.score(w.symbols(), w.values());
				scores.add(s);
				String where = capture + " " + label + " connection " + i + " (" + s.status() + ")";
				if (matched[i]) {
					// parsed, whichever code is cheapest for it (its exact path, or as noise where a letter sits far
					// from its edge's law)
					assertTrue(scorer.parses(w.symbols()), where + ": parsed by the learner, not by the model");
				}
				assertEquals(learned[i], s.bits(), TOLERANCE, where);
			}
			checkPrinted(capture, file, label, scores);
		}
	}

	/**
	 * {@code tadam score} prints every connection of the capture; those of the group, in order, are the ones the model
	 * scored, with the scorer's bits and likelihood.
	 */
	private static void checkPrinted(String capture, Path model, String label, List<WordScorer.Score> scores) {
		CliTest.Result r = CliTest.tadam("score", model.toString(), capture);
		assertEquals(0, r.exit(), r::toString);
		String[] lines = r.out().split("\n");
		assertEquals("index\tconnection\tprotocol\tservice\tmodel\tletters\tbits\tbits/letter\tlog2-likelihood\tscore\treason", lines[0]);
		String name = ModelExporter.identifier(label);
		List<String> rows = java.util.Arrays.stream(lines).skip(1).filter(l -> l.split("\t")[4].equals(name)).toList();
		assertEquals(scores.size(), rows.size(), label + ": " + r.out());
		for (int i = 0; i < scores.size(); i++) {
			String[] cells = rows.get(i).split("\t");
			assertEquals(scores.get(i).letters(), Integer.parseInt(cells[5]), rows.get(i));
			assertEquals(scores.get(i).bits(), Double.parseDouble(cells[6]), 0.005 + TOLERANCE, rows.get(i));
			assertEquals(scores.get(i).logLikelihood(), Double.parseDouble(cells[8]), 0.005 + TOLERANCE, rows.get(i));
			assertEquals(scores.get(i).anomaly(), Double.parseDouble(cells[9]), 0.0005 + TOLERANCE, rows.get(i));
		}
	}
}
