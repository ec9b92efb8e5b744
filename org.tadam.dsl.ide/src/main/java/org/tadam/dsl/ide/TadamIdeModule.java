package org.tadam.dsl.ide;

import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.tadam.dsl.ide.hover.TadamHoverService;

/** Registers the generic IDE / language-server components of the TADAM language. */
public class TadamIdeModule extends AbstractTadamIdeModule {

	public Class<? extends IHoverService> bindIHoverService() {
		return TadamHoverService.class;
	}
}
