package org.tadam.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.tadam.dsl.conversion.TadamValueConverters;
import org.tadam.dsl.parser.TadamSyntaxErrorMessages;

/** Registers the hand-written runtime components of the TADAM language. */
public class TadamRuntimeModule extends AbstractTadamRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return TadamValueConverters.class;
	}

	/** Scenarios name the automata they use with {@code import "http.tadam"}, resolved relative to the scenario. */
	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return ImportUriGlobalScopeProvider.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return TadamSyntaxErrorMessages.class;
	}
}
