package org.tadam.design;

import java.lang.reflect.Method;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Plugin;
import org.eclipse.core.runtime.Status;
import org.osgi.framework.BundleContext;

/**
 * The bundle's activator, named by the org.eclipse.sirius.componentization extension: Sirius starts it, and it
 * registers the viewpoint. Sirius is not on Maven Central, so its registry is called reflectively; the package is
 * an optional import, and without Sirius this bundle only contributes its resources.
 */
public class DesignPlugin extends Plugin {

	public static final String PLUGIN_ID = "org.tadam.design";
	static final String VIEWPOINT_PATH = PLUGIN_ID + "/description/tadam.odesign";
	private static final String REGISTRY = "org.eclipse.sirius.business.api.componentization.ViewpointRegistry";

	private Set<?> viewpoints;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		Object registry = registry();
		if (registry != null) {
			viewpoints = (Set<?>) registry.getClass().getMethod("registerFromPlugin", String.class).invoke(registry, VIEWPOINT_PATH);
		}
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		Object registry = viewpoints == null ? null : registry();
		if (registry != null) {
			for (Method method : registry.getClass().getMethods()) {
				if (method.getName().equals("disposeFromPlugin") && method.getParameterCount() == 1) {
					method.invoke(registry, viewpoints);
				}
			}
		}
		viewpoints = null;
		super.stop(context);
	}

	private static Object registry() {
		try {
			return Class.forName(REGISTRY).getMethod("getInstance").invoke(null);
		} catch (ClassNotFoundException | NoClassDefFoundError e) {
			return null;
		} catch (ReflectiveOperationException | RuntimeException e) {
			ILog.of(DesignPlugin.class).log(Status.error("Registering the TADAM viewpoint with Sirius failed", e));
			return null;
		}
	}
}
