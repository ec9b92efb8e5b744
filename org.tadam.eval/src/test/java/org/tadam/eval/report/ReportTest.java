package org.tadam.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.eval.EvalOptions;
import org.tadam.eval.EvalResult;
import org.tadam.eval.RealismEval;
import org.tadam.eval.judge.NdpiJudge;
import org.tadam.eval.judge.TsharkJudge;

/** summary.json, report.html and the console table of an evaluation. */
class ReportTest {
  static final Path WEB_DNS = Path.of(System.getProperty("tadam.samples", "../samples"), "captures", "web-dns.pcap");

  private static EvalResult selfCompare() throws Exception {
    EvalOptions options = EvalOptions.defaults().withJudges(List.of(new TsharkJudge("/nonexistent/tshark", 60),
        new NdpiJudge("/nonexistent/ndpiReader", 60)));
    return new RealismEval(options, new PrintWriter(new StringWriter())).compare(List.of(WEB_DNS), List.of(WEB_DNS));
  }

  @Test
  void theSameInputsGiveTheSameBytes(@TempDir Path dir) throws Exception {
    ReportFiles.write(selfCompare(), dir.resolve("a"));
    ReportFiles.write(selfCompare(), dir.resolve("b"));
    for (String f : List.of(ReportFiles.JSON, ReportFiles.HTML)) {
      assertEquals(-1, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)), f);
    }
    try (var files = Files.list(dir.resolve("a"))) {
      assertEquals(2, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void theSummaryHoldsEveryDistanceWithItsFloor() throws Exception {
    JsonNode root = new ObjectMapper().readTree(SummaryJson.of(selfCompare()));
    assertEquals("compare", root.get("mode").asText());
    assertEquals(2, root.get("services").size());
    for (JsonNode s : root.get("services")) {
      assertEquals(12, s.get("metrics").size());
      s.get("metrics").forEach(m -> {
        for (String kind : List.of("jsd", "emd", "ks")) {
          if (m.has(kind)) {
            assertEquals(0, m.get(kind).get("generated").asDouble(), 0);
            assertTrue(m.get(kind).get("floor").isNumber());
          }
        }
      });
      assertEquals("absent", s.get("judges").get("tshark").get("generated").get("status").asText());
      assertTrue(s.get("goals").get(0).get("met").isNull(), "a goal tshark must check is not checked without it");
    }
  }

  @Test
  void theHtmlIsOneSelfContainedPageWithCharts() throws Exception {
    String html = HtmlReport.of(selfCompare());
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<h2 id=\"s-dns\">dns</h2>") && html.contains("<h2 id=\"s-http\">http</h2>"));
    assertTrue(html.split("data:image/png;base64,", -1).length - 1 >= 2 * 10, "charts per service");
    assertTrue(html.contains("absent: /nonexistent/tshark is not installed"));
    assertTrue(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"),
        "nothing is fetched from elsewhere");
  }

  @Test
  void theConsoleTableHasOneRowPerService() throws Exception {
    String[] lines = ConsoleTable.of(selfCompare()).split("\\R");
    assertTrue(lines[0].startsWith("service"));
    assertTrue(lines[1].startsWith("dns ") && lines[2].startsWith("http "), String.join("\n", lines));
    assertTrue(lines[1].contains("tshark absent"), lines[1]);
  }
}
