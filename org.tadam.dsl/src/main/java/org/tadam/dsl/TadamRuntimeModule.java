package org.tadam.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.tadam.dsl.conversion.TadamValueConverters;
import org.tadam.dsl.parser.TadamSyntaxErrorMessages;

/** Registers the hand-written runtime components of the TADAM language. */
public class TadamRuntimeModule extends AbstractTadamRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return TadamValueConverters.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return TadamSyntaxErrorMessages.class;
	}
}
