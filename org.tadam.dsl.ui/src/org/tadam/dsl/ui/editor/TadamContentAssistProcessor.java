package org.tadam.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.util.TextRegion;
import org.tadam.dsl.ui.TadamUiPlugin;

import com.google.inject.Injector;

/**
 * Content assist from Xtext's generic IDE services (the ones behind the language server's completion): keywords,
 * state names, flags and directions, payload classes, each computed by the grammar-aware content-assist parser.
 */
public class TadamContentAssistProcessor implements IContentAssistProcessor {

	private final TadamEditor editor;

	public TadamContentAssistProcessor(TadamEditor editor) {
		this.editor = editor;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		try {
			ParsedModel model = editor.getModel();
			Injector injector = TadamUiPlugin.getDefault().getInjector();
			ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
			factory.setPool(injector.getInstance(ExecutorService.class));
			ContentAssistContext[] contexts = factory.create(model.text(), new TextRegion(offset, 0), offset, model.resource());
			IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
			injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
			List<ICompletionProposal> proposals = new ArrayList<>();
			for (ContentAssistEntry entry : acceptor.getEntries()) {
				String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
				String label = entry.getLabel() != null ? entry.getLabel() : entry.getProposal();
				if (entry.getDescription() != null) {
					label += " – " + entry.getDescription();
				}
				proposals.add(new CompletionProposal(entry.getProposal(), offset - prefix.length(), prefix.length(),
						entry.getProposal().length(), null, label, null, entry.getDocumentation()));
			}
			return proposals.toArray(ICompletionProposal[]::new);
		} catch (RuntimeException e) {
			TadamUiPlugin.log("Content assist failed", e);
			return new ICompletionProposal[0];
		}
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '>' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
