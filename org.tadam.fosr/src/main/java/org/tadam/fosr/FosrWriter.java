package org.tadam.fosr;

import org.tadam.fosr.convert.FromTadam;
import org.tadam.fosr.json.FosrJsonEmitter;
import org.tadam.model.Automaton;

/**
 * Writes a TADAM {@link Automaton} as a Fos-R automaton file of one generation. The model should pass the DSL
 * validator; what the generation cannot hold is in the returned report.
 *
 * <pre>
 * FosrWriter.Exported out = new FosrWriter(FosrGeneration.GEN2).write(model, "http-SF");
 * Files.write(Path.of("http-SF.json"), out.json());
 * </pre>
 */
public final class FosrWriter {

	/** The file's bytes (UTF-8 JSON) and what did not carry over exactly. */
	public record Exported(byte[] json, ConversionReport report) {
	}

	private final FosrGeneration generation;

	public FosrWriter(FosrGeneration generation) {
		this.generation = generation;
	}

	public FosrGeneration generation() {
		return generation;
	}

	/**
	 * @param target the output file name (with or without directory and extension), or null; generations 2–3
	 *               name an automaton by its file, so a model name that differs from it is reported
	 * @throws IllegalArgumentException when the model is not a single automaton with one initial and one end state
	 */
	public Exported write(Automaton automaton, String target) {
		ConversionReport report = new ConversionReport();
		String stem = target == null ? null : FosrReader.stem(target);
		byte[] json = FosrJsonEmitter.emit(new FromTadam(generation, report).convert(automaton, stem));
		return new Exported(json, report);
	}
}
