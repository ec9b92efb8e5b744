package org.tadam.fosr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.convert.ValueLaws;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.EndSymbol;
import org.tadam.model.IatUnit;
import org.tadam.model.derived.Symbols;

/** Our samples (decilog-us models) written in each generation and read back. */
class WriterTest {

	static final Path SAMPLES = Path.of(System.getProperty("tadam.samples", "../samples"));

	private static Automaton sample(String name) throws Exception {
		return DslCheck.load(SAMPLES.resolve(name + ".tadam"));
	}

	@ParameterizedTest
	@CsvSource({ "http,1", "http,2", "http,3", "dns,1", "dns,2", "dns,3", "ssh,1", "ssh,2", "ssh,3", "tls,1", "tls,2", "tls,3" })
	void samplesSurviveEveryGeneration(String name, int generation) throws Exception {
		Automaton original = sample(name);
		FosrWriter writer = new FosrWriter(FosrGeneration.of(generation));
		FosrWriter.Exported out = writer.write(original, name + ".json");
		FosrReader.Imported in = new FosrReader().read(name + ".json", out.json());
		Automaton back = in.automaton();
		assertEquals(FosrGeneration.of(generation), in.generation());
		assertEquals(List.of(), DslCheck.check(back).errors());

		assertEquals(original.getEdges().size(), back.getEdges().size());
		for (int i = 0; i < original.getEdges().size(); i++) {
			Edge a = original.getEdges().get(i);
			Edge b = back.getEdges().get(i);
			String where = name + " edge " + i;
			assertEquals(Symbols.toText(a.getSymbol()), Symbols.toText(b.getSymbol()), where);
			assertEquals(a.getProbability(), b.getProbability(), where);
			assertEquals(a.getCount(), b.getCount(), where);
			assertEquals(ModelAssertions.pool(a.getPayload()), ModelAssertions.pool(b.getPayload()), where);
			if (a.getSymbol() instanceof EndSymbol) {
				continue;
			}
			double m = a.getDistribution().getMean().get(0);
			double v = a.getDistribution().getCovariance().get(0);
			double backMean = b.getDistribution().getMean().get(0);
			if (generation == 3) {
				// log-normal → gamma → log-normal keeps the first two moments, hence the decilog law
				assertEquals(m, backMean, 1e-9 * Math.max(1, Math.abs(m)), where);
				assertEquals(v, b.getDistribution().getCovariance().get(0), 1e-9 * Math.max(1, v), where);
			} else {
				double expectedMicros = m == 0 && ValueLaws.isConstant(v) ? 0 : ValueLaws.linearFromDecilog(m, v).mean();
				double unit = back.getQuantisation().getIat() == IatUnit.MILLIS ? 1000 : 1;
				assertEquals(expectedMicros, backMean * unit, 1e-9 * Math.max(1, expectedMicros), where);
				assertEquals(a.getDistribution().getMean().get(1), b.getDistribution().getMean().get(1), 1e-9, where + " size");
			}
		}
		// the second conversion is exact: the imported model is a fixed point
		FosrReader.Imported again = new FosrReader().read(name + ".json", writer.write(back, name + ".json").json());
		assertEquals(List.of(), ModelAssertions.differences(back, again.automaton(), 1e-12));
	}

	@Test
	void reportSaysWhatEachGenerationCannotHold() throws Exception {
		Automaton http = sample("http");
		ConversionReport gen2 = new FosrWriter(FosrGeneration.GEN2).write(http, "http.json").report();
		long packetEdges = http.getEdges().stream().filter(e -> !(e.getSymbol() instanceof EndSymbol)).count();
		assertEquals(packetEdges, count(gen2, Topic.IAT_LAW), "one line per converted IAT law");
		assertTrue(has(gen2, "$.metadata", "ports [80, 8080] not written"), gen2.lines()::toString);
		assertTrue(has(gen2, "$.metadata", "provenance connections 100"), gen2.lines()::toString);
		assertTrue(has(gen2, "$.edges[3].mu", "'s3 -> s4 PA> text \"GET\"': log-normal IAT law (decilog-us mean 15, variance 6)"),
				gen2.lines()::toString);
		assertEquals(0, count(gen2, Topic.SIZE_LAW));

		ConversionReport gen1 = new FosrWriter(FosrGeneration.GEN1).write(http, "http.json").report();
		assertTrue(has(gen1, "$.metadata", "outcome \"SF\" not written"), gen1.lines()::toString);
		assertEquals(0, gen1.lines().stream().filter(l -> l.message().contains("ports")).count(), "generation 1 keeps ports");

		ConversionReport gen3 = new FosrWriter(FosrGeneration.GEN3).write(http, "http.json").report();
		assertEquals(1, count(gen3, Topic.SIZE_LAW), gen3.lines()::toString);
		assertTrue(has(gen3, "$.edges[1].iat_distr", "written as a gamma law with the same mean"), gen3.lines()::toString);

		ConversionReport ssh = new FosrWriter(FosrGeneration.GEN2).write(sample("ssh"), "other-name.json").report();
		assertTrue(has(ssh, "$.edges[*].src", "u0=0, u1=1"), ssh.lines()::toString);
		assertTrue(has(ssh, "$", "automaton name 'ssh' not written"), ssh.lines()::toString);
	}

	@Test
	void variantsAndRandomHeadersAreReportedAsNotWritten() throws Exception {
		Automaton http = sample("http");
		Edge pooled = http.getEdges().stream().filter(e -> e.getPayload() instanceof org.tadam.model.TextPayload).findFirst()
				.orElseThrow();
		org.tadam.model.VariantRange range = org.tadam.model.TadamFactory.eINSTANCE.createVariantRange();
		range.setFirst(3);
		((org.tadam.model.TextPayload) pooled.getPayload()).getEntries().get(0).getVariants().add(range);
		ConversionReport report = new FosrWriter(FosrGeneration.GEN2).write(http, "http.json").report();
		assertEquals(1, report.lines().stream().filter(l -> l.message().contains("payload variants not written")).count(),
				report.lines()::toString);
		assertEquals(0, report.lines().stream().filter(l -> l.message().contains("length field")).count());
		assertEquals(0, report.lines().stream().filter(l -> l.message().contains("first segments")).count());
	}

	@Test
	void joinedEntriesAreReportedAsNotWritten() throws Exception {
		Automaton http = sample("http");
		Edge pooled = http.getEdges().stream().filter(e -> e.getPayload() instanceof org.tadam.model.TextPayload).findFirst()
				.orElseThrow();
		org.tadam.model.ReplayPayload replay = org.tadam.model.TadamFactory.eINSTANCE.createReplayPayload();
		org.tadam.model.WeightedBytes flight = org.tadam.model.TadamFactory.eINSTANCE.createWeightedBytes();
		flight.setWeight(1);
		flight.setData(new byte[3000]);
		flight.setSegment(1448);
		replay.getEntries().add(flight);
		pooled.setPayload(replay);
		ConversionReport report = new FosrWriter(FosrGeneration.GEN2).write(http, "http.json").report();
		assertEquals(1, report.lines().stream().filter(l -> l.message().contains("first segments of entries joined"))
				.count(), report.lines()::toString);
	}

	@Test
	void answeredMessagesAreReportedAsNotWritten() throws Exception {
		Automaton http = sample("http");
		org.tadam.model.TextPayload text = (org.tadam.model.TextPayload) http.getEdges().stream()
				.filter(e -> e.getPayload() instanceof org.tadam.model.TextPayload).findFirst().orElseThrow().getPayload();
		ConversionReport before = new FosrWriter(FosrGeneration.GEN2).write(http, "http.json").report();
		assertEquals(0, before.lines().stream().filter(l -> l.message().contains("answered")).count());
		text.getEntries().get(0).setAnswers("GET");
		ConversionReport report = new FosrWriter(FosrGeneration.GEN2).write(http, "http.json").report();
		assertEquals(1, report.lines().stream().filter(l -> l.message().contains("answered")).count(),
				report.lines()::toString);
	}

	@Test
	void recordTokensAreReportedAsNotWritten() throws Exception {
		Automaton http = sample("http");
		ConversionReport before = new FosrWriter(FosrGeneration.GEN2).write(http, "http.json").report();
		assertEquals(0, before.lines().stream().filter(l -> l.message().contains("record types")).count());
		org.tadam.model.PacketSymbol symbol = org.tadam.model.TadamFactory.eINSTANCE.createPacketSymbol();
		symbol.setFlags("PA");
		symbol.setPayloadClass(org.tadam.model.PayloadClass.RANDOM);
		symbol.setToken("ccs+data");
		http.getEdges().get(1).setSymbol(symbol);
		ConversionReport report = new FosrWriter(FosrGeneration.GEN2).write(http, "http.json").report();
		assertTrue(has(report, "$.edges[1]", "the record types of 1 edge"), report.lines()::toString);
	}

	@Test
	void generationOneRepeatsWeightedEntries() throws Exception {
		FosrWriter.Exported out = new FosrWriter(FosrGeneration.GEN1).write(sample("dns"), "dns.json");
		String json = new String(out.json(), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(json.contains("\"type\" : \"HexCodes\"") || json.contains("\"type\": \"HexCodes\""), json);
		assertEquals(30 + 20 + 45 + 5, JsonAssertions.tree(out.json()).findValues("content").stream().mapToInt(c -> c.size()).sum(),
				"one entry per occurrence");
		assertTrue(json.startsWith("{\n    \"edges\": ["), "laid out like Fos-R's generation-1 files");
	}

	private static long count(ConversionReport report, Topic topic) {
		return report.lines().stream().filter(l -> l.topic() == topic).count();
	}

	private static boolean has(ConversionReport report, String path, String text) {
		return report.lines().stream().anyMatch(l -> l.path().equals(path) && l.message().contains(text));
	}
}
