package org.tadam.generator;

import java.util.Locale;
import java.util.Set;

/**
 * Everything that puts model text into Java source goes through here. Java translates backslash-u escapes before
 * it even tokenises, in comments and literals alike, so text is never copied verbatim: literals escape every
 * non-printable or non-ASCII character, comments drop them, and both double backslashes so that no "\\u"
 * sequence survives.
 */
public final class JavaNames {

	private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
			"char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
			"float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
			"package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
			"synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
			"null", "var", "yield", "record", "sealed", "permits", "non-sealed", "_");

	private JavaNames() {
	}

	/** A Java string literal, quotes included, whose value is {@code text}. */
	public static String literal(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder b = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> {
					if (c >= 0x20 && c < 0x7F) {
						b.append(c);
					} else {
						// an escaped line break would end the literal before the compiler sees it; those are handled
						// above, every other unicode escape is a harmless character inside a literal
						b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
				}
			}
		}
		return b.append('"').toString();
	}

	/** Text safe inside a block or line comment: printable ASCII only, no comment end, no backslash escapes. */
	public static String comment(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				b.append("\\\\");
			} else if (c == '/' && i > 0 && text.charAt(i - 1) == '*') {
				b.append(" /");
			} else if (c == '@') {
				b.append("(at)"); // keeps Javadoc tags out
			} else {
				b.append(c >= 0x20 && c < 0x7F ? c : '?');
			}
		}
		return b.toString();
	}

	public static boolean isIdentifier(String name) {
		if (name == null || name.isEmpty() || KEYWORDS.contains(name) || !Character.isJavaIdentifierStart(name.charAt(0))) {
			return false;
		}
		for (int i = 1; i < name.length(); i++) {
			if (!Character.isJavaIdentifierPart(name.charAt(i)) || name.charAt(i) > 0x7E) {
				return false;
			}
		}
		return name.charAt(0) <= 0x7E;
	}

	public static boolean isQualifiedName(String name) {
		if (name == null || name.isEmpty()) {
			return false;
		}
		for (String part : name.split("\\.", -1)) {
			if (!isIdentifier(part)) {
				return false;
			}
		}
		return true;
	}

	/** An ASCII Java identifier made of the letters and digits of {@code name}. */
	public static String identifier(String name) {
		StringBuilder b = new StringBuilder();
		for (char c : (name == null ? "" : name).toCharArray()) {
			if (c < 0x7F && Character.isLetterOrDigit(c) || c == '_') {
				b.append(c);
			}
		}
		if (b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0))) {
			b.insert(0, 'x');
		}
		String result = b.toString();
		return KEYWORDS.contains(result) ? result + "_" : result;
	}

	/** {@code http} + {@code Automaton} gives {@code HttpAutomaton}; the suffix keeps it clear of keywords and runtime names. */
	public static String className(String name, String suffix) {
		String base = identifier(name);
		if (base.endsWith("_")) {
			base = base.substring(0, base.length() - 1);
		}
		return Character.toUpperCase(base.charAt(0)) + base.substring(1) + suffix;
	}

	/** A double literal, also for values Java has no literal for. */
	public static String literal(double value) {
		if (Double.isNaN(value)) {
			return "Double.NaN";
		}
		if (Double.isInfinite(value)) {
			return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
		}
		return Double.toString(value);
	}
}
