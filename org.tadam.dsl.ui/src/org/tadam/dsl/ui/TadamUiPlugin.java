package org.tadam.dsl.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.tadam.dsl.ide.TadamIdeSetup;

import com.google.inject.Injector;

/**
 * The editor's bundle. It owns the one Guice injector of the TADAM language inside Eclipse: the same runtime module
 * (grammar, validator, formatter) as the command line, mixed with the generic IDE module (content assist).
 */
public class TadamUiPlugin extends AbstractUIPlugin {

	public static final String PLUGIN_ID = "org.tadam.dsl.ui";
	/** Problems found by the validator; a sub-type of the Problems view's problem marker. */
	public static final String PROBLEM_MARKER = PLUGIN_ID + ".problem";
	public static final String EDITOR_ID = PLUGIN_ID + ".editor";
	public static final String DIAGRAM_VIEW_ID = PLUGIN_ID + ".diagramView";
	/** Job family of the Project Explorer commands' jobs (learn, generate), so that callers can wait for them. */
	public static final Object COMMAND_JOBS = PLUGIN_ID + ".commands";

	private static TadamUiPlugin instance;
	private Injector injector;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		instance = null;
		injector = null;
		super.stop(context);
	}

	public static TadamUiPlugin getDefault() {
		return instance;
	}

	/**
	 * The language's injector, created on first use. TadamStandaloneSetup registers the EPackage and the resource
	 * factory in EMF's global registries, which Xtext resources look up under OSGi as well.
	 */
	public synchronized Injector getInjector() {
		if (injector == null) {
			injector = new TadamIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	public static void log(String message, Throwable error) {
		ILog.of(TadamUiPlugin.class).log(new Status(IStatus.ERROR, PLUGIN_ID, message, error));
	}
}
