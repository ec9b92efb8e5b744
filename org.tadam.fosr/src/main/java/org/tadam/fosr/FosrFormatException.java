package org.tadam.fosr;

/**
 * A Fos-R JSON file that cannot be read: malformed JSON, an unknown generation, a missing or ill-typed field, an
 * impossible value. The message names the file and the JSON path, e.g.
 * {@code ssh-S0.json: $.edges[3].p: expected a number}.
 */
public class FosrFormatException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String source;
	private final String path;
	private final String problem;

	public FosrFormatException(String source, String path, String problem, Throwable cause) {
		super(source + ": " + (path == null ? "" : path + ": ") + problem, cause);
		this.source = source;
		this.path = path;
		this.problem = problem;
	}

	/** The file (or other source) that was read. */
	public String source() {
		return source;
	}

	/** The JSON path of the problem ({@code $.edges[3].p}), or null when it has none (malformed JSON). */
	public String path() {
		return path;
	}

	/** What is wrong, without file and path. */
	public String problem() {
		return problem;
	}
}
