package org.tadam.eval.anomaly.labels;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Timestamps in microseconds since the epoch, read from and written as decimal seconds. */
public final class Micros {
  private Micros() {
  }

  /** Decimal seconds ({@code 1796247416.171292}) to microseconds, rounded half up. */
  public static long parse(String seconds) {
    BigDecimal s = new BigDecimal(seconds);
    if (s.signum() < 0) {
      throw new NumberFormatException("negative time " + seconds);
    }
    return s.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Nanoseconds to microseconds, rounded half up as {@link #parse}. */
  public static long ofNanos(long nanos) {
    return BigDecimal.valueOf(nanos).movePointLeft(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Microseconds as decimal seconds with six digits. */
  public static String text(long micros) {
    return BigDecimal.valueOf(micros).movePointLeft(6).setScale(6, RoundingMode.UNNECESSARY).toPlainString();
  }
}
