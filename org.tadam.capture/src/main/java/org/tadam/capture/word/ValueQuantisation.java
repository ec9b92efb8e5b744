package org.tadam.capture.word;

/**
 * How a packet's inter-arrival time and payload size become the integer values of a letter
 * (Part B item 3 of the learner specification).
 *
 * <p>Default ({@link #standard()}): iat in 0.1-decade bins of microseconds,
 * {@code round(10 * log10(max(1, iat_µs)))} (0 for the first packet and for iat ≤ 1 µs; a
 * negative iat from out-of-order timestamps counts as 0), size in bytes. Alternatives: size in
 * decades {@code round(log10(max(1, size)))} (the later Fos-R learner), or linear iat in a fixed
 * unit. The model file records {@link #describe()}.
 *
 * @param logIat iat as {@code round(10 log10(max(1, iat / iatUnitNanos)))}; else
 *     {@code round(iat / iatUnitNanos)}
 * @param iatUnitNanos unit of the iat (1000 = microseconds)
 * @param logSize size as {@code round(log10(max(1, bytes)))}; else bytes
 */
public record ValueQuantisation(boolean logIat, long iatUnitNanos, boolean logSize) {

  public ValueQuantisation {
    if (iatUnitNanos <= 0) {
      throw new IllegalArgumentException("iat unit must be positive");
    }
  }

  public static ValueQuantisation standard() {
    return new ValueQuantisation(true, 1000, false);
  }

  public int iat(long iatNanos) {
    return (int) Math.min(Integer.MAX_VALUE, Math.round(unroundedIat(iatNanos)));
  }

  /** The iat value before rounding: where in its integer's cell the time lies. */
  public double unroundedIat(long iatNanos) {
    double units = Math.max(0, iatNanos) / (double) iatUnitNanos;
    return logIat ? 10 * Math.log10(Math.max(1, units)) : units;
  }

  public int size(int bytes) {
    return logSize ? (int) Math.round(Math.log10(Math.max(1, bytes))) : bytes;
  }

  /** One-line description for model files, e.g. {@code iat=round(10*log10(max(1,iat/1000ns)))
   * size=bytes}. */
  public String describe() {
    String iat = logIat ? "round(10*log10(max(1,iat/" + iatUnitNanos + "ns)))"
        : "round(iat/" + iatUnitNanos + "ns)";
    return "iat=" + iat + " size=" + (logSize ? "round(log10(max(1,bytes)))" : "bytes");
  }
}
