import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the jar signatures (META-INF/*.SF, *.RSA, *.DSA, *.EC) from the copies of the libraries in the
 * command line's lib directory. Run by the build as a single-file program: {@code java UnsignJars.java DIR}.
 *
 * <p>Why: the JVM's class-data sharing archive (AppCDS) that lets {@code tadam validate} start quickly skips
 * every class of a signed jar, and EMF, Xtext and ELK come signed by Eclipse. On a plain class path nothing
 * checks those signatures; the jars in Maven's repository stay signed.
 */
public final class UnsignJars {

	private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

	public static void main(String[] args) throws IOException {
		if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
			System.err.println("usage: java UnsignJars.java DIRECTORY_OF_JARS");
			System.exit(2);
		}
		int rewritten = 0;
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
			for (Path jar : jars) {
				if (signed(jar)) {
					unsign(jar);
					rewritten++;
				}
			}
		}
		System.out.println("UnsignJars: removed the signatures of " + rewritten + " jars in " + args[0]);
	}

	private static boolean signed(Path jar) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return zip.stream().anyMatch(e -> SIGNATURE.matcher(e.getName()).matches());
		}
	}

	/** Copies every other entry, with its time, into a temporary file that then replaces the jar. */
	private static void unsign(Path jar) throws IOException {
		Path temporary = jar.resolveSibling(jar.getFileName() + ".unsigning");
		try (ZipFile zip = new ZipFile(jar.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (SIGNATURE.matcher(entry.getName()).matches()) {
					continue;
				}
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTime(entry.getTime());
				out.putNextEntry(copy);
				try (InputStream in = zip.getInputStream(entry)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		} catch (IOException e) {
			Files.deleteIfExists(temporary);
			throw e;
		}
		Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
