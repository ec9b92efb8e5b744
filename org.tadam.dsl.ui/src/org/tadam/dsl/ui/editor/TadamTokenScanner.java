package org.tadam.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.tadam.dsl.ui.TadamUiPlugin;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;

/**
 * Syntax colouring from the language's own ANTLR lexer (the one the parser uses), so colours always agree with
 * what the parser sees. The whole document is lexed: a comment or string may start far before a change.
 */
public class TadamTokenScanner implements ITokenScanner {

	public static final RGB KEYWORD = new RGB(127, 0, 85);
	public static final RGB SYMBOL = new RGB(176, 80, 0);
	public static final RGB STRING = new RGB(42, 0, 255);
	public static final RGB NUMBER = new RGB(0, 110, 110);
	public static final RGB COMMENT = new RGB(63, 127, 95);

	private final IToken keyword = token(KEYWORD, SWT.BOLD);
	private final IToken symbol = token(SYMBOL, SWT.BOLD);
	private final IToken string = token(STRING, SWT.NORMAL);
	private final IToken number = token(NUMBER, SWT.NORMAL);
	private final IToken comment = token(COMMENT, SWT.ITALIC);
	private final IToken plain = new org.eclipse.jface.text.rules.Token(null);

	private final Map<Integer, String> tokenNames;
	private final Injector injector;
	/** The tokens of the requested range: start, end, token type. */
	private List<int[]> tokens = List.of();
	private int next;
	private int[] current;

	public TadamTokenScanner() {
		injector = TadamUiPlugin.getDefault().getInjector();
		tokenNames = injector.getInstance(ITokenDefProvider.class).getTokenDefMap();
	}

	private static IToken token(RGB rgb, int style) {
		// colours from RGB need no disposal since SWT 3.104
		return new org.eclipse.jface.text.rules.Token(new TextAttribute(new Color(rgb), null, style));
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		List<int[]> result = new ArrayList<>();
		Lexer lexer = injector.getInstance(Key.get(Lexer.class, Names.named(LexerBindings.RUNTIME)));
		lexer.setCharStream(new ANTLRStringStream(document.get()));
		int end = offset + length;
		for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
			CommonToken token = (CommonToken) t;
			int start = token.getStartIndex();
			int stop = token.getStopIndex() + 1;
			if (stop <= offset) {
				continue;
			}
			if (start >= end) {
				break;
			}
			// clip to the requested range: the presentation reconciler requires tokens inside it
			result.add(new int[] { Math.max(start, offset), Math.min(stop, end), t.getType() });
		}
		tokens = result;
		next = 0;
	}

	@Override
	public IToken nextToken() {
		if (next >= tokens.size()) {
			return org.eclipse.jface.text.rules.Token.EOF;
		}
		current = tokens.get(next++);
		return classify(tokenNames.get(current[2]));
	}

	private IToken classify(String name) {
		if (name == null) {
			return plain;
		}
		if (name.startsWith("'")) {
			String word = name.substring(1, name.length() - 1);
			if (Character.isLetter(word.charAt(0))) {
				return keyword;
			}
			// the letters of a symbol: direction and end of connection
			return word.equals(">") || word.equals("<") || word.equals("$") ? symbol : plain;
		}
		return switch (name) {
			case "RULE_STRING" -> string;
			case "RULE_NUMBER" -> number;
			case "RULE_ML_COMMENT", "RULE_SL_COMMENT" -> comment;
			default -> plain;
		};
	}

	@Override
	public int getTokenOffset() {
		return current[0];
	}

	@Override
	public int getTokenLength() {
		return current[1] - current[0];
	}
}
