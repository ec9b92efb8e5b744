package org.tadam.dsl.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that readers never see a half-written one: a temporary file beside the target, then a rename. A
 * target that exists and is neither a regular file nor a directory (/dev/null, a FIFO) is written in place: a rename
 * would replace the device itself. (org.tadam.pcap's AtomicOutput has the same rule; this bundle does not import it.)
 */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	public static void write(Path target, byte[] content) throws IOException {
		Path absolute = target.toAbsolutePath();
		if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
			Files.write(absolute, content, StandardOpenOption.WRITE);
			return;
		}
		Path directory = absolute.getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
		try {
			// a fresh temporary file is private: models were left rw------- under the usual umask
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
			} catch (UnsupportedOperationException e) {
				// not a POSIX file system: keep its defaults
			}
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
