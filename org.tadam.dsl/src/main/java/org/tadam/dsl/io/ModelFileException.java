package org.tadam.dsl.io;

/** A model file could not be read or written; the message names the file and says why. */
public class ModelFileException extends Exception {

	private static final long serialVersionUID = 1L;

	public ModelFileException(String message) {
		super(message);
	}

	public ModelFileException(String message, Throwable cause) {
		super(message, cause);
	}
}
