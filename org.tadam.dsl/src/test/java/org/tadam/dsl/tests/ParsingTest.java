package org.tadam.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(TadamInjectorProvider.class)
class ParsingTest {

	@Inject
	private ParseHelper<Automaton> parser;

	private Automaton parse(String text) throws Exception {
		Automaton automaton = parser.parse(text);
		assertTrue(automaton.eResource().getErrors().isEmpty(), () -> "syntax errors: " + automaton.eResource().getErrors());
		return automaton;
	}

	@Test
	void continuousTimes() throws Exception {
		Automaton a = parse("automaton c {\n\tprotocol udp\n\tvalues iat decilog-us continuous size bytes\n\tstate s0 initial end\n}\n");
		assertTrue(a.getQuantisation().isContinuousIat());
		assertEquals(IatUnit.DECILOG_MICROS, a.getQuantisation().getIat());
	}

	@Test
	void headerAndStates() throws Exception {
		Automaton a = parse(TadamTestSupport.read(TadamTestSupport.TEST_MODELS.resolve("payloads.tadam")));
		assertEquals("payloads", a.getName());
		assertEquals(L4Protocol.TCP, a.getProtocol());
		assertEquals("tls", a.getService());
		assertEquals(List.of(443), a.getPorts());
		assertEquals(IatUnit.DECILOG_MICROS, a.getQuantisation().getIat());
		assertEquals(SizeUnit.BYTES, a.getQuantisation().getSize());
		assertTrue(!a.getQuantisation().isContinuousIat(), "times fitted on their cells unless the model says otherwise");
		assertEquals(1e-5, a.getNoise().getDuplicated());
		assertEquals(List.of("a.pcap", "b.pcapng"), a.getProvenance().getCaptures());
		assertEquals(98765.4321, a.getProvenance().getDataBits());
		assertEquals(4, a.getStates().size());
		assertTrue(a.getStates().get(0).isInitial());
		assertEquals("end", a.getStates().get(3).getName(), "^ escapes a keyword used as a name");
		assertTrue(a.getStates().get(3).isEnd());
	}

	@Test
	void symbolsAreStructured() throws Exception {
		Automaton a = parse(TadamTestSupport.read(TadamTestSupport.TEST_MODELS.resolve("payloads.tadam")));
		PacketSymbol first = (PacketSymbol) a.getEdges().get(0).getSymbol();
		assertEquals("PA", first.getFlags());
		assertEquals(Direction.FORWARD, first.getDirection());
		assertEquals(PayloadClass.RANDOM, first.getPayloadClass());
		assertNull(first.getToken());
		PacketSymbol text = (PacketSymbol) a.getEdges().get(2).getSymbol();
		assertEquals(Direction.BACKWARD, text.getDirection());
		assertEquals(PayloadClass.TEXT, text.getPayloadClass());
		assertEquals("x", text.getToken());
		assertInstanceOf(EndSymbol.class, a.getEdges().get(3).getSymbol());
	}

	@Test
	void edgesDistributionsAndPayloads() throws Exception {
		Automaton a = parse(TadamTestSupport.read(TadamTestSupport.TEST_MODELS.resolve("payloads.tadam")));
		Edge first = a.getEdges().get(0);
		assertSame(a.getStates().get(0), first.getSource());
		assertSame(a.getStates().get(1), first.getTarget());
		assertEquals(1.0, first.getProbability());
		assertEquals(2, first.getCount());
		assertEquals(List.of(0.0, 517.0), first.getDistribution().getMean());
		assertEquals(List.of(4.0, -0.5, 1200.0), first.getDistribution().getCovariance());
		RandomPayload random = (RandomPayload) first.getPayload();
		assertEquals(517, random.getLengths().get(0).getLength());
		assertEquals(583, random.getLengths().get(1).getLength());
		ReplayPayload replay = (ReplayPayload) a.getEdges().get(1).getPayload();
		assertArrayEquals(new byte[] { 0x16, 0x03, 0x03, 0x00, 0x7a, 0x02, 0x00, 0x00, 0x76, 0x03, 0x03 },
				replay.getEntries().get(0).getData());
		TextPayload text = (TextPayload) a.getEdges().get(2).getPayload();
		assertEquals("say \"hi\" \\ bye\n", text.getEntries().get(0).getText());
		assertArrayEquals("say \"hi\" \\ bye\n".getBytes(StandardCharsets.UTF_8),
				text.getEntries().get(0).getText().getBytes(StandardCharsets.UTF_8));
		assertNull(a.getEdges().get(3).getDistribution());
	}

	@Test
	void syntaxErrorsAreReportedWithLines() throws Exception {
		Automaton a = parser.parse("automaton x {\n protocol tcp\n state s initial\n s -> s S> prob count 1\n}");
		assertFalse(a.eResource().getErrors().isEmpty());
		assertEquals(4, a.eResource().getErrors().get(0).getLine());
	}

	@Test
	void badBase64IsAnError() throws Exception {
		Automaton a = parser.parse("automaton x { protocol udp state s initial state e end s -> e > replay prob 1 count 1 "
				+ "payload replay { 1 * \"not base64!\" } }");
		assertTrue(a.eResource().getErrors().stream().anyMatch(e -> e.getMessage().contains("base64")),
				() -> a.eResource().getErrors().toString());
	}
}
