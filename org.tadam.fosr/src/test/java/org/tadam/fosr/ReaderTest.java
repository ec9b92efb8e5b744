package org.tadam.fosr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.model.Automaton;
import org.tadam.model.Direction;
import org.tadam.model.Edge;
import org.tadam.model.EndSymbol;
import org.tadam.model.IatUnit;
import org.tadam.model.L4Protocol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.SizeUnit;
import org.tadam.model.TextPayload;

/** What each generation's fields become in the model, and which report lines they cause. */
class ReaderTest {

	private static List<ConversionReport.Line> lines(FosrReader.Imported in, Topic topic) {
		return in.report().lines().stream().filter(l -> l.topic() == topic).toList();
	}

	@Test
	void generationOneTcp() throws Exception {
		FosrReader.Imported in = Fixtures.read("gen1-tcp.json");
		Automaton a = in.automaton();
		assertEquals(FosrGeneration.GEN1, in.generation());
		assertEquals("tiny_web", a.getName());
		assertEquals(L4Protocol.TCP, a.getProtocol());
		assertEquals("tiny-web", a.getService());
		assertEquals(List.of(8080), List.copyOf(a.getPorts()));
		assertNull(a.getOutcome());
		assertEquals(IatUnit.MILLIS, a.getQuantisation().getIat(), "generation 1-2 TCP IATs stay in ms");
		assertEquals(SizeUnit.BYTES, a.getQuantisation().getSize());
		assertEquals(List.of("s0", "s1", "s2", "s3", "s4"), a.getStates().stream().map(s -> s.getName()).toList());
		assertTrue(a.getStates().get(0).isInitial());
		assertTrue(a.getStates().get(4).isEnd());
		assertEquals("fixture.csv", a.getProvenance().getCaptures().get(0));
		assertEquals("2026-01-01 00:00:00.000000", a.getProvenance().getDate());
		// noise: deletion → missing, addition → spurious, reemission → duplicated, transposition → swapped
		assertEquals(0.01, a.getNoise().getMissing());
		assertEquals(0.005, a.getNoise().getSpurious());
		assertEquals(0.02, a.getNoise().getDuplicated());
		assertEquals(0.004, a.getNoise().getSwapped());

		PacketSymbol synAck = (PacketSymbol) a.getEdges().get(1).getSymbol();
		assertEquals("SA", synAck.getFlags(), "flags in the canonical order S F R P A U E C");
		assertEquals(Direction.BACKWARD, synAck.getDirection());
		PacketSymbol get = (PacketSymbol) a.getEdges().get(2).getSymbol();
		assertEquals("PA", get.getFlags());
		assertEquals(Direction.FORWARD, get.getDirection());
		assertEquals(PayloadClass.TEXT, get.getPayloadClass());
		assertEquals("GET", get.getToken());
		TextPayload text = (TextPayload) a.getEdges().get(2).getPayload();
		assertEquals(List.of(5, 3), text.getEntries().stream().map(e -> e.getWeight()).toList());
		assertEquals(List.of(3.0, 18.75), List.copyOf(a.getEdges().get(2).getDistribution().getMean()));
		assertEquals(List.of(1.0, 0.5, 0.9375), List.copyOf(a.getEdges().get(2).getDistribution().getCovariance()));

		ReplayPayload hex = (ReplayPayload) a.getEdges().get(3).getPayload();
		assertEquals(1, hex.getEntries().size(), "two equal hex codes become one entry of weight 2");
		assertEquals(2, hex.getEntries().get(0).getWeight());
		assertEquals(List.of((byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef), toList(hex.getEntries().get(0).getData()));
		RandomPayload random = (RandomPayload) a.getEdges().get(4).getPayload();
		assertEquals("2*32, 1*48", random.getLengths().stream().map(w -> w.getWeight() + "*" + w.getLength())
				.reduce((x, y) -> x + ", " + y).orElseThrow());

		Edge end = a.getEdges().get(5);
		assertInstanceOf(EndSymbol.class, end.getSymbol());
		assertTrue(end.getTarget().isEnd());
		assertNull(end.getDistribution(), "a $ edge sends no packet: no values");
		assertNull(end.getPayload());

		assertEquals(List.of("$.edges[3].payloads", "$.edges[4].payloads"), lines(in, Topic.PAYLOAD).stream().map(l -> l.path()).toList());
		assertTrue(lines(in, Topic.UNITS).get(0).message().contains("nanoseconds"));
		assertTrue(lines(in, Topic.METADATA).stream().anyMatch(l -> l.path().equals("$.metadata.automaton_name")));
		assertTrue(lines(in, Topic.COUNT).get(0).message().contains("$.edges[4]"), "the self-loop is on a cycle");
		assertTrue(lines(in, Topic.SYMBOL).isEmpty(), "'AS' is how generation 1 spells SYN+ACK: written back unchanged");
	}

	@Test
	void generationOneUdpKeepsMicrosecondsAndReportsIgnoredPorts() throws Exception {
		FosrReader.Imported in = Fixtures.read("gen1-udp.json");
		Automaton a = in.automaton();
		assertEquals(IatUnit.MICROS, a.getQuantisation().getIat());
		PacketSymbol query = (PacketSymbol) a.getEdges().get(0).getSymbol();
		assertNull(query.getFlags(), "UDP symbols carry no flags");
		assertEquals(PayloadClass.REPLAY, query.getPayloadClass());
		assertEquals(List.of("$.metadata.ignore_dst_ports"), lines(in, Topic.METADATA).stream().map(l -> l.path()).toList());
	}

	@Test
	void generationTwo() throws Exception {
		FosrReader.Imported in = Fixtures.read("gen2-tcp.json");
		Automaton a = in.automaton();
		assertEquals(FosrGeneration.GEN2, in.generation());
		assertEquals("gen2_tcp", a.getName(), "generation 2 names an automaton by its file");
		assertEquals("smtp", a.getService());
		assertEquals("SF", a.getOutcome());
		ReplayPayload replay = (ReplayPayload) a.getEdges().get(4).getPayload();
		assertEquals("250 OK\r\n", new String(replay.getEntries().get(0).getData(), StandardCharsets.US_ASCII));
		assertEquals(2, replay.getEntries().get(0).getWeight());
		assertEquals("FA", ((PacketSymbol) a.getEdges().get(6).getSymbol()).getFlags());
		assertEquals(List.of(-0.1), List.of(a.getEdges().get(3).getDistribution().getCovariance().get(1)),
				"the IAT/size covariance is kept");
		assertEquals(List.of(Topic.COUNT), in.report().lines().stream().map(l -> l.topic()).toList(),
				"only the count semantics of the self-loop differ");

		FosrReader.Imported udp = Fixtures.read("gen2-udp.json");
		assertNull(udp.automaton().getOutcome(), "conn_state none: no outcome");
		assertEquals(IatUnit.MICROS, udp.automaton().getQuantisation().getIat());
	}

	@Test
	void generationThreeLawsBecomeLogNormalsByMomentMatching() throws Exception {
		FosrReader.Imported in = Fixtures.read("gen3-tcp.json");
		Automaton a = in.automaton();
		assertEquals(FosrGeneration.GEN3, in.generation());
		assertEquals(IatUnit.DECILOG_MICROS, a.getQuantisation().getIat());
		// constant 1 µs → decilog 0; constant 1000 µs → decilog 30
		assertEquals(0.0, a.getEdges().get(0).getDistribution().getMean().get(0));
		assertEquals(30.0, a.getEdges().get(2).getDistribution().getMean().get(0), 1e-12);
		assertEquals(1e-6, a.getEdges().get(2).getDistribution().getCovariance().get(0));
		// gamma(shape 2, scale 500 µs): mean 1000 µs, variance 500000 µs²; log-normal with these moments has
		// σ² = ln 1.5 and μ = ln 1000 − σ²/2, i.e. decilog mean 29.11954, variance 7.647546
		List<Double> mean = a.getEdges().get(1).getDistribution().getMean();
		List<Double> cov = a.getEdges().get(1).getDistribution().getCovariance();
		assertEquals(29.119543704721593, mean.get(0), 1e-9);
		assertEquals(7.647546211927838, cov.get(0), 1e-9);
		assertEquals(0.0, cov.get(1), "generation 3 has no IAT/size correlation");
		// size from the text pool: 3 × 18 bytes and 1 × 19 bytes → mean 18.25, variance 0.1875
		assertEquals(18.25, a.getEdges().get(2).getDistribution().getMean().get(1), 1e-12);
		assertEquals(0.1875, a.getEdges().get(2).getDistribution().getCovariance().get(2), 1e-12);
		TextPayload text = (TextPayload) a.getEdges().get(2).getPayload();
		assertEquals("GET / HTTP/1.1\r\n\r\n", text.getEntries().get(0).getText(), "base64 of a text symbol is text");
		assertEquals(PayloadClass.REPLAY, ((PacketSymbol) a.getEdges().get(4).getSymbol()).getPayloadClass(), "Binary is replayed");
		// substitution has no counterpart: the model's no-noise rate is no_noise + substitution
		assertEquals(0.04, a.getNoise().getMissing() + a.getNoise().getSpurious() + a.getNoise().getDuplicated()
				+ a.getNoise().getSwapped(), 1e-12);

		List<String> iatLines = lines(in, Topic.IAT_LAW).stream().map(Object::toString).toList();
		assertEquals(3, iatLines.size(), iatLines::toString);
		assertTrue(iatLines.get(0).startsWith("$.edges[1].iat_distr: gamma law (shape 2, loc 0 µs, scale 500 µs) approximated by a log-normal"),
				iatLines.get(0));
		assertTrue(iatLines.get(1).contains("shape 0.75, loc 1e+06 µs"), iatLines.get(1));
		assertTrue(lines(in, Topic.NOISE).get(0).toString().startsWith("$.statistics: substitution rate 0.01"));
		assertEquals("$.edges[4].symbol: 'AP_<_Binary' is written back as 'AP_<_Replay'", lines(in, Topic.SYMBOL).get(0).toString());
		assertFalse(lines(in, Topic.COUNT).isEmpty());
	}

	@Test
	void generationThreeUdpWithoutSubstitutionLosesNoNoise() throws Exception {
		FosrReader.Imported in = Fixtures.read("gen3-udp.json");
		assertTrue(lines(in, Topic.NOISE).isEmpty(), in.report().lines()::toString);
		assertEquals(1, lines(in, Topic.IAT_LAW).size());
		assertTrue(lines(in, Topic.IAT_LAW).get(0).message().contains("loc 100 µs"));
	}

	private static List<Byte> toList(byte[] bytes) {
		List<Byte> out = new java.util.ArrayList<>();
		for (byte b : bytes) {
			out.add(b);
		}
		return out;
	}
}
