package org.tadam.dsl.parser;

import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/** Syntax errors in words a model author knows: "expecting a number", not "expecting RULE_NUMBER". */
public class TadamSyntaxErrorMessages extends SyntaxErrorMessageProvider {

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		SyntaxErrorMessage message = super.getSyntaxErrorMessage(context);
		return new SyntaxErrorMessage(readable(message.getMessage()), message.getIssueCode(), message.getIssueData());
	}

	static String readable(String message) {
		return message.replace("RULE_NUMBER", "a number").replace("RULE_ID", "a name").replace("RULE_STRING", "a quoted string")
				.replace("EOF", "the end of the file");
	}
}
