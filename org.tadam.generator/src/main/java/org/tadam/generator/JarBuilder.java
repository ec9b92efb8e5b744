package org.tadam.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packages compiled classes, resources and the generator runtime into one executable jar that needs only a JRE.
 * Entries are sorted and time-stamped with a fixed date, so the same scenario gives the same jar.
 */
final class JarBuilder {

	static final String RUNTIME_PACKAGE = "org/tadam/generator/runtime/";
	/** Any class of the runtime, to find where its classes are (a jar or a classes directory). */
	static final String RUNTIME_PROBE = RUNTIME_PACKAGE + "GeneratorMain.class";
	private static final FileTime FIXED_TIME = FileTime.fromMillis(1767225600000L);

	private final Map<String, byte[]> entries = new TreeMap<>();

	void add(String name, byte[] content) {
		entries.put(name, content);
	}

	/** Adds every file under {@code root} (compiled classes). */
	void addTree(Path root) throws IOException {
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				add(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
				return FileVisitResult.CONTINUE;
			}
		});
	}

	/** Where the runtime's classes are: a jar file or a directory of classes. */
	static Path runtimeLocation() {
		java.net.URL url = JarBuilder.class.getClassLoader().getResource(RUNTIME_PROBE);
		if (url == null) {
			throw new IllegalStateException("the generator runtime (org.tadam.generator.runtime) is not on the class path");
		}
		try {
			if ("jar".equals(url.getProtocol())) {
				String path = url.getPath();
				return Path.of(new java.net.URI(path.substring(0, path.indexOf("!/"))));
			}
			Path probe = Path.of(url.toURI());
			Path root = probe;
			for (int i = 0; i < RUNTIME_PROBE.split("/").length; i++) {
				root = root.getParent();
			}
			return root;
		} catch (URISyntaxException e) {
			throw new IllegalStateException("cannot locate the generator runtime: " + url, e);
		}
	}

	/** Adds the runtime's classes from its jar or class directory. */
	void addRuntime(Path location) throws IOException {
		if (Files.isDirectory(location)) {
			Path dir = location.resolve(RUNTIME_PACKAGE);
			try (var files = Files.list(dir)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
					add(RUNTIME_PACKAGE + file.getFileName(), Files.readAllBytes(file));
				}
			}
			return;
		}
		try (JarFile jar = new JarFile(location.toFile())) {
			Enumeration<JarEntry> all = jar.entries();
			while (all.hasMoreElements()) {
				JarEntry entry = all.nextElement();
				if (entry.getName().startsWith(RUNTIME_PACKAGE) && entry.getName().endsWith(".class")) {
					try (InputStream in = jar.getInputStream(entry)) {
						add(entry.getName(), in.readAllBytes());
					}
				}
			}
		}
	}

	/** Writes the jar next to {@code target} and renames it into place. */
	void write(Path target, String mainClass) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
		manifest.getMainAttributes().putValue("Created-By", "TADAM generator");
		Path absolute = target.toAbsolutePath();
		Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
		readableByAll(temporary);
		try {
			try (OutputStream file = Files.newOutputStream(temporary); JarOutputStream jar = new JarOutputStream(file)) {
				JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
				manifestEntry.setLastModifiedTime(FIXED_TIME);
				jar.putNextEntry(manifestEntry);
				manifest.write(jar);
				jar.closeEntry();
				for (Map.Entry<String, byte[]> e : entries.entrySet()) {
					JarEntry entry = new JarEntry(e.getKey());
					entry.setLastModifiedTime(FIXED_TIME);
					jar.putNextEntry(entry);
					jar.write(e.getValue());
					jar.closeEntry();
				}
			}
			Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** Temporary files are private; the finished file gets the usual rw-r--r--. */
	private static void readableByAll(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system: keep its defaults
		}
	}
}
