package org.tadam.eval.report;

import java.util.ArrayList;
import java.util.List;
import org.tadam.eval.EvalResult;
import org.tadam.eval.Goals;
import org.tadam.eval.ServiceResult;

/** The short per-service table {@code tadam eval} prints on stdout. */
public final class ConsoleTable {
  private ConsoleTable() {
  }

  public static String of(EvalResult r) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"service", "real", "generated", "worst distance/floor", "malformed/1000 gen (real)",
        "expert/1000 gen (real)", "nDPI content gen (real)", "goals met"});
    int small = 0;
    for (ServiceResult s : r.services()) {
      if (s.tooSmall() != null) {
        small++;
        continue;
      }
      ServiceResult.Worst w = s.worst();
      List<Goals.Goal> goals = Goals.of(s);
      rows.add(new String[] {s.label(), Integer.toString(s.real().size()), Integer.toString(s.generated().size()),
          w == null ? "-" : Goals.ratioText(w.ratio()) + " (" + w.name() + ")", Sections.tshark(s, "malformed"),
          Sections.tshark(s, "errors", "warnings"), Sections.ndpi(s),
          goals.stream().filter(g -> Boolean.TRUE.equals(g.met())).count() + "/"
              + goals.stream().filter(g -> g.met() != null).count()});
    }
    int[] width = new int[rows.get(0).length];
    rows.forEach(row -> {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    });
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        String cell = i == 0 || i == 3 ? String.format("%-" + width[i] + "s", row[i])
            : String.format("%" + width[i] + "s", row[i]);
        sb.append(i == 0 ? "" : "  ").append(cell);
      }
      sb.append(System.lineSeparator());
    }
    if (small > 0) {
      sb.append(small).append(" service").append(small == 1 ? " is" : "s are").append(" too small to compare (fewer than ")
          .append(r.options().minConnections()).append(" connections in a half or generated); see the report")
          .append(System.lineSeparator());
    }
    if (!r.onlyReal().isEmpty()) {
      sb.append("only in the real capture: ").append(HtmlReport.counts(r.onlyReal())).append(System.lineSeparator());
    }
    if (!r.onlyGenerated().isEmpty()) {
      sb.append("only in the generated capture: ").append(HtmlReport.counts(r.onlyGenerated()))
          .append(System.lineSeparator());
    }
    return sb.toString();
  }
}
