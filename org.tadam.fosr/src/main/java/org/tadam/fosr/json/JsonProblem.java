package org.tadam.fosr.json;

/**
 * A problem at a JSON path, thrown while reading or converting; {@link org.tadam.fosr.FosrReader} adds the file
 * name and turns it into a {@link org.tadam.fosr.FosrFormatException}.
 */
public final class JsonProblem extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String path;

	public JsonProblem(String path, String problem) {
		super(problem);
		this.path = path;
	}

	public String path() {
		return path;
	}
}
