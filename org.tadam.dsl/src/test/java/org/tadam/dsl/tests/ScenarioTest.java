package org.tadam.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.dsl.validation.IssueCodes;
import org.tadam.model.Scenario;

import com.google.inject.Inject;

/** Scenarios: imports resolved relative to the file, one issue code per kind of mistake, canonical layout. */
@ExtendWith(InjectionExtension.class)
@InjectWith(TadamInjectorProvider.class)
class ScenarioTest {

	private static final String VALID = """
			scenario s {
				import "m.tadam"
				seed 1
				starting "2026-01-01T00:00:00Z"
				connections 10
				rate 5 profile (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
				clients {
					subnet "10.0.0.0/16"
					mac "00:1b:21"
					ttl 64
				}
				servers {
					subnet "192.0.2.0/24"
				}

				use m share 1 ports 80
			}
			""";

	private static final String MODEL = """
			automaton m {
				protocol tcp
				service "http" ports 80
				state a initial
				state z end
				a -> z $ prob 1 count 1
			}
			""";

	@Inject
	private ModelFiles models;

	@Inject
	private ISerializer serializer;

	@TempDir
	Path dir;

	private ModelFiles.LoadedScenario load(String scenario) throws Exception {
		Files.writeString(dir.resolve("m.tadam"), MODEL, StandardCharsets.UTF_8);
		Path file = dir.resolve("s.tadamscenario");
		Files.writeString(file, scenario, StandardCharsets.UTF_8);
		return models.loadScenario(file);
	}

	private static List<Issue> errors(ModelFiles.LoadedScenario loaded) {
		return loaded.issues().stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
	}

	@Test
	void bundledMixResolvesItsModels() throws Exception {
		ModelFiles.LoadedScenario loaded = models.loadScenario(TadamTestSupport.SAMPLES.resolve("mix.tadamscenario"));
		assertEquals(List.of(), errors(loaded));
		Scenario mix = loaded.scenario();
		assertEquals(4, mix.getUses().size());
		mix.getUses().forEach(use -> assertFalse(use.getAutomaton().eIsProxy(), () -> "unresolved " + use));
		assertEquals("http", mix.getUses().get(0).getAutomaton().getName());
	}

	@Test
	void bundledMixIsInCanonicalForm() throws Exception {
		Path file = TadamTestSupport.SAMPLES.resolve("mix.tadamscenario");
		ModelFiles.LoadedScenario loaded = models.loadScenario(file);
		String text = serializer.serialize(loaded.scenario(), SaveOptions.newBuilder().format().getOptions());
		assertEquals(TadamTestSupport.read(file), text);
	}

	@Test
	void validScenarioHasNoIssue() throws Exception {
		assertEquals(List.of(), load(VALID).issues());
	}

	@Test
	void scrambledLayoutIsFormattedBack() throws Exception {
		String scrambled = VALID.replace("\n", "\n\n  ").replace("\t", " ").replace(", ", " ,");
		ModelFiles.LoadedScenario loaded = load(scrambled);
		assertEquals(List.of(), loaded.issues());
		assertEquals(VALID, serializer.serialize(loaded.scenario(), SaveOptions.newBuilder().format().getOptions()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"import \"m.tadam\"|import \"missing.tadam\"|" + IssueCodes.UNRESOLVED_IMPORT,
			"rate 5 |rate 0 |" + IssueCodes.SCENARIO_RATE,
			"share 1|share -2|" + IssueCodes.SCENARIO_RATE,
			"connections 10|connections 0|" + IssueCodes.SCENARIO_RATE,
			"(1, 1, 1,|(1, 1,|" + IssueCodes.SCENARIO_RATE,
			"10.0.0.0/16|10.0.0.300/16|" + IssueCodes.INVALID_SUBNET,
			"192.0.2.0/24|192.0.2.0/33|" + IssueCodes.INVALID_SUBNET,
			"subnet \"192.0.2.0/24\"|mac \"00:1b:21\"|" + IssueCodes.EMPTY_SCENARIO_POOL,
			"mac \"00:1b:21\"|mac \"01:00:5e\"|" + IssueCodes.INVALID_MAC,
			"mac \"00:1b:21\"|mac \"00:1b\"|" + IssueCodes.INVALID_MAC,
			"ttl 64|ttl 0|" + IssueCodes.INVALID_TTL,
			"2026-01-01T00:00:00Z|yesterday|" + IssueCodes.INVALID_START,
			"ports 80|ports 0|" + IssueCodes.INVALID_PORT,
			"192.0.2.0/24|2001:db8::/64|" + IssueCodes.UNREACHABLE_SERVERS,
			"connections 10|connections 10 snaplen 20|" + IssueCodes.INVALID_SNAP_LENGTH })
	void eachMistakeHasItsCode(String valid, String broken, String code) throws Exception {
		assertTrue(VALID.contains(valid), valid);
		List<Issue> errors = errors(load(VALID.replace(valid, broken)));
		assertTrue(errors.stream().anyMatch(i -> code.equals(i.getCode())), () -> "expected " + code + " in " + errors);
	}

	@Test
	void unknownAutomatonIsALinkingError() throws Exception {
		List<Issue> errors = errors(load(VALID.replace("use m", "use nowhere")));
		assertEquals(1, errors.size(), errors::toString);
		assertTrue(errors.get(0).getMessage().contains("nowhere"), errors.get(0)::getMessage);
	}

	@Test
	void emptyScenarioIsAnError() throws Exception {
		List<Issue> errors = errors(load("scenario e {\n}\n"));
		assertTrue(errors.stream().anyMatch(i -> IssueCodes.EMPTY_SCENARIO_POOL.equals(i.getCode())), errors::toString);
	}
}
