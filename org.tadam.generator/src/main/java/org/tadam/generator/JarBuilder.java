package org.tadam.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.tadam.pcap.AtomicOutput;

/**
 * Packages compiled classes, resources and the generator runtime into one executable jar that needs only a JRE.
 * Entries are sorted and time-stamped with a fixed date, so the same scenario gives the same jar.
 */
final class JarBuilder {

	/**
	 * The libraries every generator jar carries, each a package and one of its classes by which it is found: the
	 * runtime, and the pcap records it writes through.
	 */
	static final List<String[]> LIBRARIES = List.of(
			new String[] { "org/tadam/generator/runtime/", "GeneratorMain.class" },
			new String[] { "org/tadam/pcap/", "Records.class" });
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

	/** Where the libraries' classes are, each a jar file or a directory of classes (one entry per library). */
	static List<Path> libraryLocations() {
		List<Path> locations = new ArrayList<>();
		for (String[] library : LIBRARIES) {
			String probe = library[0] + library[1];
			java.net.URL url = JarBuilder.class.getClassLoader().getResource(probe);
			if (url == null) {
				throw new IllegalStateException("the generator library " + library[0] + " is not on the class path");
			}
			try {
				if ("jar".equals(url.getProtocol())) {
					String path = url.getPath();
					locations.add(Path.of(new java.net.URI(path.substring(0, path.indexOf("!/")))));
					continue;
				}
				Path root = Path.of(url.toURI());
				for (int i = 0; i < probe.split("/").length; i++) {
					root = root.getParent();
				}
				locations.add(root);
			} catch (URISyntaxException e) {
				throw new IllegalStateException("cannot locate the generator library: " + url, e);
			}
		}
		return locations;
	}

	/** Adds the classes of the libraries' packages found in a jar or class directory. */
	void addLibrary(Path location) throws IOException {
		if (Files.isDirectory(location)) {
			for (String[] library : LIBRARIES) {
				Path dir = location.resolve(library[0]);
				if (!Files.isDirectory(dir)) {
					continue;
				}
				try (var files = Files.list(dir)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
						add(library[0] + file.getFileName(), Files.readAllBytes(file));
					}
				}
			}
			return;
		}
		try (JarFile jar = new JarFile(location.toFile())) {
			Enumeration<JarEntry> all = jar.entries();
			while (all.hasMoreElements()) {
				JarEntry entry = all.nextElement();
				String name = entry.getName();
				boolean wanted = name.endsWith(".class")
						&& LIBRARIES.stream().anyMatch(l -> name.startsWith(l[0]) && name.indexOf('/', l[0].length()) < 0);
				if (wanted) {
					try (InputStream in = jar.getInputStream(entry)) {
						add(name, in.readAllBytes());
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
		AtomicOutput.write(target, out -> writeJar(out, manifest, entries));
	}

	private static void writeJar(OutputStream file, Manifest manifest, Map<String, byte[]> entries) throws IOException {
		try (JarOutputStream jar = new JarOutputStream(file)) {
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
	}

}
