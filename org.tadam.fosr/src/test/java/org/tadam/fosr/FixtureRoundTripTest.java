package org.tadam.fosr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fixture: JSON → model (valid for the DSL, exact through .tadam text) → JSON of the same generation →
 * model again, which must be the same model; writing that again must give the same bytes. Every change of the
 * JSON must be explained by a report line at its path, and generation-2 fixtures (whose contents the model holds
 * fully) must come back unchanged (up to float rounding of the derived no-noise rate).
 */
class FixtureRoundTripTest {

	@ParameterizedTest
	@ValueSource(strings = { "gen1-tcp.json", "gen1-udp.json", "gen2-tcp.json", "gen2-udp.json", "gen3-tcp.json", "gen3-udp.json" })
	void roundTrip(String name) throws Exception {
		FosrReader.Imported first = Fixtures.read(name);
		assertEquals(Character.getNumericValue(name.charAt(3)), first.generation().number());

		DslCheck.Checked checked = DslCheck.check(first.automaton());
		assertEquals(List.of(), checked.errors(), checked.text());
		assertEquals(List.of(), ModelAssertions.differences(first.automaton(), checked.parsed(), 0), "through .tadam text");

		FosrWriter writer = new FosrWriter(first.generation());
		FosrWriter.Exported written = writer.write(first.automaton(), name);
		FosrReader.Imported second = new FosrReader().read(name, written.json());
		assertEquals(List.of(), ModelAssertions.differences(first.automaton(), second.automaton(), 1e-9));
		assertArrayEquals(written.json(), writer.write(second.automaton(), name).json(), "a second round trip changes nothing");

		List<String> changed = JsonAssertions.differences(JsonAssertions.tree(Fixtures.bytes(name)),
				JsonAssertions.tree(written.json()), 1e-12);
		List<ConversionReport.Line> reported = new ArrayList<>(first.report().lines());
		reported.addAll(written.report().lines());
		assertEquals(List.of(), JsonAssertions.unexplained(changed, reported), "every change of the JSON is reported");
		if (name.startsWith("gen2")) {
			assertEquals(List.of(), changed, "generation 2 fixtures come back unchanged");
		}
	}
}
