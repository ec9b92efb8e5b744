package org.tadam.dsl.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.tadam.model.Automaton;
import org.tadam.model.Scenario;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Reads and writes TADAM models as .tadam text or as XMI, validates them, and renders canonical text.
 * Every write is atomic.
 */
public class ModelFiles {

	public static final String TEXT_EXTENSION = "tadam";
	public static final String XMI_EXTENSION = "xmi";
	public static final String SCENARIO_EXTENSION = "tadamscenario";

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	@Inject
	private ISerializer serializer;

	/** A loaded file with its problems; syntax errors and validation problems alike. */
	public record Loaded(Path path, Resource resource, Automaton automaton, List<Issue> issues) {
		public boolean hasErrors() {
			return issues.stream().anyMatch(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR);
		}
	}

	/** A loaded scenario with the problems of the scenario and of every model it imports. */
	public record LoadedScenario(Path path, Resource resource, Scenario scenario, List<Issue> issues) {
		public boolean hasErrors() {
			return issues.stream().anyMatch(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR);
		}
	}

	public static String extension(Path path) {
		String name = path.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	public ResourceSet newResourceSet() {
		XtextResourceSet set = resourceSets.get();
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(XMI_EXTENSION, new XMIResourceFactoryImpl());
		return set;
	}

	/**
	 * Loads a .tadam or .xmi file and validates it.
	 *
	 * @throws ModelFileException when the file cannot be read or its kind is unknown
	 */
	public Loaded load(Path path) throws ModelFileException {
		String extension = extension(path);
		if (!TEXT_EXTENSION.equals(extension) && !XMI_EXTENSION.equals(extension)) {
			throw new ModelFileException(path + ": unknown kind of file '." + extension + "' (expected .tadam or .xmi)");
		}
		if (Files.isDirectory(path)) {
			throw new ModelFileException(path + ": is a directory, not a model file");
		}
		if (!Files.isRegularFile(path)) {
			throw new ModelFileException(path + ": no such file");
		}
		if (!Files.isReadable(path)) {
			throw new ModelFileException(path + ": not readable");
		}
		ResourceSet set = newResourceSet();
		Resource resource = set.createResource(URI.createFileURI(path.toAbsolutePath().toString()));
		try {
			resource.load(Map.of());
		} catch (IOException | RuntimeException e) {
			throw new ModelFileException(path + ": cannot be read as " + extension + ": " + rootMessage(e), e);
		}
		List<Issue> issues = new ArrayList<>(validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
		EObject root = resource.getContents().isEmpty() ? null : resource.getContents().get(0);
		if (root != null && !(root instanceof Automaton)) {
			throw new ModelFileException(path + ": does not contain a TADAM automaton");
		}
		return new Loaded(path, resource, (Automaton) root, issues);
	}

	/**
	 * Loads a .tadamscenario file with the models it imports (paths relative to the scenario) and validates them
	 * all; issues of an imported model carry that model's URI.
	 *
	 * @throws ModelFileException when the file cannot be read or holds no scenario
	 */
	public LoadedScenario loadScenario(Path path) throws ModelFileException {
		if (!SCENARIO_EXTENSION.equals(extension(path))) {
			throw new ModelFileException(path + ": unknown kind of file '." + extension(path) + "' (expected ." + SCENARIO_EXTENSION + ")");
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new ModelFileException(path + ": no such readable file");
		}
		ResourceSet set = newResourceSet();
		Resource resource = set.createResource(URI.createFileURI(path.toAbsolutePath().toString()));
		try {
			resource.load(Map.of());
		} catch (IOException | RuntimeException e) {
			throw new ModelFileException(path + ": cannot be read: " + rootMessage(e), e);
		}
		EObject root = resource.getContents().isEmpty() ? null : resource.getContents().get(0);
		if (root != null && !(root instanceof Scenario)) {
			throw new ModelFileException(path + ": does not contain a TADAM scenario");
		}
		// validating the scenario links its uses, which loads the imported models into the set
		List<Issue> issues = new ArrayList<>(validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
		for (Resource imported : List.copyOf(set.getResources())) {
			if (imported != resource) {
				issues.addAll(validator.validate(imported, CheckMode.ALL, CancelIndicator.NullImpl));
			}
		}
		return new LoadedScenario(path, resource, (Scenario) root, issues);
	}

	/** The canonical, formatted text of an automaton (whatever resource it came from). */
	public String toText(Automaton automaton) {
		Automaton detached = automaton.eResource() instanceof XtextResource ? automaton : copyIntoTextResource(automaton);
		return serializer.serialize(detached, SaveOptions.newBuilder().format().getOptions());
	}

	/** The canonical, formatted text of a scenario read from a .tadamscenario file. */
	public String toText(Scenario scenario) {
		return serializer.serialize(scenario, SaveOptions.newBuilder().format().getOptions());
	}

	private Automaton copyIntoTextResource(Automaton automaton) {
		ResourceSet set = newResourceSet();
		Resource resource = set.createResource(URI.createURI("memory:/model." + TEXT_EXTENSION));
		Automaton copy = EcoreUtil.copy(automaton);
		resource.getContents().add(copy);
		return copy;
	}

	/** Writes the automaton to a .tadam (canonical text) or .xmi file, atomically. */
	public void save(Automaton automaton, Path target) throws ModelFileException {
		String extension = extension(target);
		byte[] bytes;
		if (TEXT_EXTENSION.equals(extension)) {
			bytes = toText(automaton).getBytes(StandardCharsets.UTF_8);
		} else if (XMI_EXTENSION.equals(extension)) {
			bytes = toXmi(automaton);
		} else {
			throw new ModelFileException(target + ": unknown kind of file '." + extension + "' (expected .tadam or .xmi)");
		}
		try {
			AtomicFiles.write(target, bytes);
		} catch (IOException e) {
			throw new ModelFileException(target + ": cannot be written: " + rootMessage(e), e);
		}
	}

	private byte[] toXmi(Automaton automaton) throws ModelFileException {
		ResourceSet set = newResourceSet();
		Resource resource = set.createResource(URI.createURI("memory:/model." + XMI_EXTENSION));
		resource.getContents().add(EcoreUtil.copy(automaton));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			resource.save(out, Map.of(XMLResource.OPTION_ENCODING, "UTF-8", XMLResource.OPTION_LINE_WIDTH, 100));
		} catch (IOException e) {
			throw new ModelFileException("cannot serialise the model as XMI: " + rootMessage(e), e);
		}
		return out.toByteArray();
	}

	private static String rootMessage(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
	}
}
