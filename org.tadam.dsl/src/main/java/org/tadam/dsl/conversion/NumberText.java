package org.tadam.dsl.conversion;

import java.math.BigDecimal;

/**
 * Canonical text of numbers in .tadam files: whole numbers without a fraction ("1", not "1.0"), otherwise the
 * shortest text that reads back to the same double, with a lower-case exponent ("1e-6", not "1.0E-6").
 */
public final class NumberText {

	private NumberText() {
	}

	public static String decimal(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("not a finite number: " + value);
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		String text = Double.toString(value);
		int e = text.indexOf('E');
		if (e < 0) {
			return text;
		}
		String mantissa = text.substring(0, e);
		if (mantissa.endsWith(".0")) {
			mantissa = mantissa.substring(0, mantissa.length() - 2);
		}
		String exponent = text.substring(e + 1);
		// keep plain notation for moderately small numbers: easier to read and diff
		if (Math.abs(value) >= 1e-4 && Math.abs(value) < 1e15) {
			return new BigDecimal(text).stripTrailingZeros().toPlainString();
		}
		return mantissa + "e" + exponent;
	}
}
