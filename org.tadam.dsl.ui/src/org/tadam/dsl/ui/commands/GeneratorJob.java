package org.tadam.dsl.ui.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.framework.Bundle;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.dsl.ui.TadamUiPlugin;
import org.tadam.generator.GeneratorInput;
import org.tadam.generator.GeneratorOptions;
import org.tadam.generator.ScenarioCompiler;
import org.tadam.model.Scenario;

/**
 * Compiles a .tadam model or a .tadamscenario into a traffic-generator jar beside it, exactly as `tadam compile`
 * does. Only loaded when the org.tadam.generator bundle is installed (it is an optional dependency).
 */
public final class GeneratorJob extends Job {

	private final IFile file;

	public GeneratorJob(IFile file) {
		super("Generating a traffic generator from " + file.getName());
		this.file = file;
		setUser(true);
		setRule(file.getParent());
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == TadamUiPlugin.COMMAND_JOBS;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 3);
		Path input = file.getLocation().toFile().toPath();
		try {
			ModelFiles models = TadamUiPlugin.getDefault().getInjector().getInstance(ModelFiles.class);
			progress.subTask("Validating " + file.getName());
			GeneratorInput loaded = GeneratorInput.load(models, input);
			Scenario scenario = loaded.scenario();
			long errors = loaded.errors();
			if (errors > 0 || scenario == null) {
				return Status.error(file.getName() + " has " + errors + " error(s); fix them first (see the Problems view)");
			}
			progress.worked(1);
			progress.subTask("Compiling the generator");
			Path jar = input.resolveSibling(scenario.getName() + ".jar");
			ScenarioCompiler.Result result = new ScenarioCompiler(libraryBundleFiles()).compile(scenario, GeneratorOptions.forScenario(scenario.getName()), jar, null);
			progress.worked(1);
			file.getParent().refreshLocal(IResource.DEPTH_ONE, progress.split(1));
			return Status.info("Wrote " + jar.getFileName() + " (" + result.javaFiles() + " generated classes); run: java -jar "
					+ jar.getFileName() + " --seed 7 --connections 1000 -o out.pcap");
		} catch (ModelFileException | ScenarioCompiler.CompileException | IllegalArgumentException | IllegalStateException e) {
			return Status.error("Generating from " + file.getName() + " failed: " + e.getMessage());
		} catch (IOException | CoreException e) {
			return Status.error("Generating from " + file.getName() + " failed", e);
		}
	}

	/** The generator runtime's and pcap library's bundle jars or directories: javac needs files, and OSGi class loaders give bundle URLs. */
	private static List<Path> libraryBundleFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		for (String name : new String[] { "org.tadam.generator.runtime", "org.tadam.pcap" }) {
			Bundle bundle = Platform.getBundle(name);
			if (bundle == null) {
				throw new IllegalStateException("the bundle " + name + " (needed in every generator jar) is not installed");
			}
			files.add(FileLocator.getBundleFile(bundle).toPath());
		}
		return files;
	}
}
