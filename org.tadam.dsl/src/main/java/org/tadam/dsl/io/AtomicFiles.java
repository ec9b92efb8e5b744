package org.tadam.dsl.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that readers never see a half-written one: a temporary file beside the target, then a rename. */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	public static void write(Path target, byte[] content) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path directory = absolute.getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
		try {
			Files.write(temporary, content);
			try {
				Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temporary);
		}
	}
}
