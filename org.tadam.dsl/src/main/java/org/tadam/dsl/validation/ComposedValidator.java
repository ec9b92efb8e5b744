package org.tadam.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.tadam.model.TadamPackage;

/**
 * Base of the checks composed into {@link TadamValidator} ({@code @ComposedChecks}): they check the TADAM package
 * and do not register themselves, since TadamValidator registers for the package once.
 */
public abstract class ComposedValidator extends AbstractDeclarativeValidator {

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(TadamPackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into TadamValidator, which registers for the package
	}
}
