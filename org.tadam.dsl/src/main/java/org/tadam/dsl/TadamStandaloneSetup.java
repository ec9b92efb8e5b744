package org.tadam.dsl;

import org.eclipse.emf.ecore.EPackage;
import org.tadam.model.TadamPackage;

import com.google.inject.Injector;

/** Initialises the language outside Eclipse (CLI, tests, language server). */
public class TadamStandaloneSetup extends TadamStandaloneSetupGenerated {

	public static Injector doSetup() {
		return new TadamStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	@Override
	public Injector createInjectorAndDoEMFRegistration() {
		// The metamodel is imported, not generated, so Xtext does not register it; the validator looks the package
		// up while the injector is created, so it must be registered first.
		EPackage.Registry.INSTANCE.putIfAbsent(TadamPackage.eNS_URI, TadamPackage.eINSTANCE);
		return super.createInjectorAndDoEMFRegistration();
	}
}
