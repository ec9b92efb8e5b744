package org.tadam.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.tadam.dsl.conversion.TadamValueConverters;

/** Registers the hand-written runtime components of the TADAM language. */
public class TadamRuntimeModule extends AbstractTadamRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return TadamValueConverters.class;
	}
}
