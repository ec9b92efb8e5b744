package org.tadam.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The realism goals of issue 13 (item 6), checked for one service: no malformed frame; tshark's
 * expert errors and warnings per 1000 connections at most 1.5 times the real traffic's; nDPI's
 * content detection at least 90 % of the real traffic's rate; every distance at most twice its
 * floor. A goal that cannot be checked (tool absent, service too small) is neither met nor missed.
 */
public final class Goals {
  public static final double EXPERT_FACTOR = 1.5;
  public static final double NDPI_SHARE = 0.9;
  public static final double FLOOR_FACTOR = 2;

  /** @param met null when it could not be checked */
  public record Goal(String name, Boolean met, String detail) {
  }

  private Goals() {
  }

  public static List<Goal> of(ServiceResult s) {
    List<Goal> goals = new ArrayList<>();
    Map<String, JudgeFigures> tshark = s.judges().get("tshark");
    Map<String, JudgeFigures> ndpi = s.judges().get("nDPI");
    if (tshark == null || !tshark.get("generated").ok() || !tshark.get("real").ok()) {
      goals.add(new Goal("malformed frames 0", null, "tshark did not run"));
      goals.add(new Goal("expert errors+warnings <= 1.5x real", null, "tshark did not run"));
    } else {
      JudgeFigures g = tshark.get("generated");
      JudgeFigures r = tshark.get("real");
      long malformed = g.sums().get("malformed");
      goals.add(new Goal("malformed frames 0", malformed == 0, malformed + " malformed"));
      double ge = g.per1000("errors", "warnings");
      double re = r.per1000("errors", "warnings");
      goals.add(new Goal("expert errors+warnings <= 1.5x real", ge <= EXPERT_FACTOR * re,
          String.format(Locale.ROOT, "%.1f vs %.1f per 1000 connections", ge, re)));
    }
    if (ndpi == null || !ndpi.get("generated").ok() || !ndpi.get("real").ok()) {
      goals.add(new Goal("nDPI content detection >= 90% of real", null, "nDPI did not run"));
    } else {
      double g = ndpi.get("generated").rate("content");
      double r = ndpi.get("real").rate("content");
      goals.add(new Goal("nDPI content detection >= 90% of real", g >= NDPI_SHARE * r,
          String.format(Locale.ROOT, "%.1f %% vs %.1f %%", 100 * g, 100 * r)));
    }
    ServiceResult.Worst worst = s.worst();
    if (s.tooSmall() != null || worst == null) {
      goals.add(new Goal("every distance <= 2x floor", null, s.tooSmall() != null ? s.tooSmall() : "nothing to compare"));
    } else {
      goals.add(new Goal("every distance <= 2x floor", worst.ratio() <= FLOOR_FACTOR,
          "worst " + worst.name() + " " + ratioText(worst.ratio()) + "x"));
    }
    return goals;
  }

  /** A ratio for people: "inf" when the floor is 0 and the distance is not. */
  public static String ratioText(double ratio) {
    if (Double.isNaN(ratio)) {
      return "-";
    }
    return Double.isInfinite(ratio) ? "inf" : String.format(Locale.ROOT, ratio >= 100 ? "%.0f" : "%.2f", ratio);
  }
}
