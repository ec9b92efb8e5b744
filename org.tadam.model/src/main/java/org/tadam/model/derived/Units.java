package org.tadam.model.derived;

import java.util.Locale;

import org.tadam.model.IatUnit;
import org.tadam.model.SizeUnit;

/** What quantised values mean in physical units, and how durations are shown to people. */
public final class Units {

	private Units() {
	}

	/** A quantised inter-arrival time in microseconds (decilog-µs 30 → 1000 µs). */
	public static double iatMicros(double value, IatUnit unit) {
		return switch (unit) {
			case DECILOG_MICROS -> Math.pow(10, value / 10);
			case MICROS -> value;
			case MILLIS -> value * 1000;
		};
	}

	/** A quantised payload size in bytes. */
	public static double sizeBytes(double value, SizeUnit unit) {
		return unit == SizeUnit.DECILOG_BYTES ? Math.pow(10, value / 10) : value;
	}

	/** A duration with three significant digits in µs, ms or s; {@code separator} goes between number and unit. */
	public static String duration(double micros, String separator) {
		if (micros < 1000) {
			return String.format(Locale.ROOT, "%.3g%sµs", micros, separator);
		}
		if (micros < 1_000_000) {
			return String.format(Locale.ROOT, "%.3g%sms", micros / 1000, separator);
		}
		return String.format(Locale.ROOT, "%.3g%ss", micros / 1_000_000, separator);
	}
}
