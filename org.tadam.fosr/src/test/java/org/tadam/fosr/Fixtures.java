package org.tadam.fosr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Our own small Fos-R files (src/test/resources/fixtures), one TCP and one UDP automaton per generation. */
final class Fixtures {

	private Fixtures() {
	}

	static byte[] bytes(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static FosrReader.Imported read(String name) throws FosrFormatException {
		return new FosrReader().read(name, bytes(name));
	}
}
