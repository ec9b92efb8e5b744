package org.tadam.dsl.ui.editor;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.formatter.IContentFormatter;
import org.eclipse.jface.text.formatter.IFormattingStrategy;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.serializer.ISerializer;
import org.tadam.dsl.ui.TadamUiPlugin;

/**
 * Format (Ctrl+Shift+F): the canonical layout of `tadam format` (the serializer with the language's formatter;
 * comments are kept), for models and scenarios. A text with syntax errors is left alone. Only the changed middle of the text is replaced,
 * so that the undo step and the caret stay small.
 */
public class TadamContentFormatter implements IContentFormatter {

	private final TadamEditor editor;

	public TadamContentFormatter(TadamEditor editor) {
		this.editor = editor;
	}

	@Override
	public void format(IDocument document, IRegion region) {
		String text = document.get();
		String formatted = formattedText(ParsedModel.parse(text, URI.createURI("memory:/format.tadam")));
		if (formatted == null) {
			Display.getCurrent().beep();
			editor.getEditorSite().getActionBars().getStatusLineManager().setErrorMessage("Not formatted: the model has syntax errors");
			return;
		}
		int start = 0;
		int max = Math.min(text.length(), formatted.length());
		while (start < max && text.charAt(start) == formatted.charAt(start)) {
			start++;
		}
		int end = 0;
		while (end < max - start && text.charAt(text.length() - 1 - end) == formatted.charAt(formatted.length() - 1 - end)) {
			end++;
		}
		try {
			document.replace(start, text.length() - end - start, formatted.substring(start, formatted.length() - end));
		} catch (BadLocationException e) {
			TadamUiPlugin.log("Formatting failed", e);
		}
	}

	/**
	 * The canonical text of a model or scenario, or null when it cannot be formatted (syntax errors): the
	 * serializer with the language's formatter, as ModelFiles.toText does for `tadam format`.
	 */
	public static String formattedText(ParsedModel model) {
		if (model.hasSyntaxErrors() || model.root() == null) {
			return null;
		}
		ISerializer serializer = TadamUiPlugin.getDefault().getInjector().getInstance(ISerializer.class);
		return serializer.serialize(model.root(), SaveOptions.newBuilder().format().getOptions());
	}

	@Override
	public IFormattingStrategy getFormattingStrategy(String contentType) {
		return null;
	}
}
