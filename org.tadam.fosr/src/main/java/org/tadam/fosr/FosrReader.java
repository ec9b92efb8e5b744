package org.tadam.fosr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tadam.fosr.convert.ToTadam;
import org.tadam.fosr.json.FosrJsonParser;
import org.tadam.fosr.json.FosrModel;
import org.tadam.fosr.json.JsonProblem;
import org.tadam.model.Automaton;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a Fos-R automaton file of any generation into a TADAM {@link Automaton}. Everything the model cannot
 * hold exactly is in the returned report; anything that makes the file unusable is a
 * {@link FosrFormatException} naming the file and the JSON path.
 *
 * <pre>
 * FosrReader.Imported in = new FosrReader().read(Path.of("ssh-S0.json"));
 * in.report().format("ssh-S0.json").forEach(System.err::println);
 * Automaton model = in.automaton();
 * </pre>
 */
public final class FosrReader {

	/** A read file: the automaton, the generation it was written in, and what did not carry over exactly. */
	public record Imported(Automaton automaton, FosrGeneration generation, ConversionReport report) {
	}

	// Python's json.dump writes NaN and Infinity: accept them here so that the error can name the field
	private static final JsonMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();

	/** Reads a file; the automaton is named after it (generations 2–3 name automata by file). */
	public Imported read(Path file) throws IOException, FosrFormatException {
		return read(file.toString(), Files.readAllBytes(file));
	}

	/**
	 * Reads JSON text.
	 *
	 * @param source the file name used in messages; its name without directory and extension names the automaton
	 */
	public Imported read(String source, byte[] json) throws FosrFormatException {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		} catch (JsonProcessingException e) {
			JsonLocation at = e.getLocation();
			String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
			// Jackson appends where an unclosed object began, with a redacted source name: line and column say it
			String message = e.getOriginalMessage().replaceFirst(" \\(start marker at .*$", "");
			throw new FosrFormatException(source, null, "malformed JSON" + where + ": " + message, e);
		} catch (IOException e) {
			throw new FosrFormatException(source, null, "cannot be read: " + e.getMessage(), e);
		}
		if (root == null || root.isMissingNode()) {
			throw new FosrFormatException(source, null, "empty file, expected a Fos-R automaton (JSON object)", null);
		}
		ConversionReport report = new ConversionReport();
		try {
			FosrModel model = new FosrJsonParser(report).parse(root);
			Automaton automaton = new ToTadam(report).convert(model, stem(source));
			return new Imported(automaton, model.generation(), report);
		} catch (JsonProblem p) {
			throw new FosrFormatException(source, p.path(), p.getMessage(), p);
		}
	}

	/** {@code dir/ssh-S0.json} → {@code ssh-S0}. */
	static String stem(String source) {
		// string operations, not Path.of: a source name need not be a valid path ("<stdin>", odd characters)
		String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
