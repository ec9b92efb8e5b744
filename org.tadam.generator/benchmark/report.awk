# Turns run-benchmark.sh's raw lines (config, wall s, CPU s, bytes, packets, in-process s, 1-min load) into the
# tables and sentences of BENCHMARKS-generator.md; every number it prints is computed from those lines.
function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }
function stat(key, what,   i, n, v) { n = count[key]; for (i = 1; i <= n; i++) v[i] = val[key, what, i]; sort(v, n)
  lo[what] = v[1]; hi[what] = v[n]; md[what] = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
function f2(x) { return sprintf("%.2f", x) }
function verdict(ok) { return ok ? "met" : "**not met**" }
{
  key = $1; n = ++count[key]; if (n == 1) order[++keys] = key
  bytes[key] = $4; packets[key] = $5
  val[key, "wall", n] = $2; val[key, "cpu", n] = $3; val[key, "start", n] = $2 - $6; val[key, "load", n] = $7
  val[key, "pgbs", n] = $4 / $2 / 1e9; val[key, "igbs", n] = $4 / $6 / 1e9
  val[key, "pmpps", n] = $5 / $2 / 1e6; val[key, "impps", n] = $5 / $6 / 1e6
  if ($7 > maxload) maxload = $7
}
END {
  print "Whole process: wall time of `java -jar` from start to exit (JVM start, class loading, JIT and the rename of"
  print "the file included). In process: the generator's own timer, from its first byte to its last write."
  print "Rates are min / median / max over the runs; GB = 10^9 bytes."
  print ""
  print "| scenario | threads | output | walk | packets | GB | whole process: wall s | whole process: GB/s | in process: GB/s | in process: M packets/s | CPU s (median) | JVM start and exit s (median) |"
  print "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for (k = 1; k <= keys; k++) {
    key = order[k]; split(key, c, "|")
    split("wall pgbs igbs impps pmpps cpu start", names, " "); for (i in names) { stat(key, names[i]); L[names[i]] = lo[names[i]]; M[names[i]] = md[names[i]]; H[names[i]] = hi[names[i]] }
    med[key, "pgbs"] = M["pgbs"]; med[key, "igbs"] = M["igbs"]; med[key, "impps"] = M["impps"]; med[key, "pmpps"] = M["pmpps"]; med[key, "start"] = M["start"]; med[key, "cpu"] = M["cpu"]
    gen = packets[key] > 0
    printf "| %s | %s | %s | %s | %s | %.2f | %s / %s / %s | %s / %s / %s | %s | %s | %s | %s |\n", c[1], c[2], c[3], c[4] == "" ? (gen ? "default" : "-") : c[4],
      gen ? packets[key] : "-", bytes[key] / 1e9, f2(L["wall"]), f2(M["wall"]), f2(H["wall"]), f2(L["pgbs"]), f2(M["pgbs"]), f2(H["pgbs"]),
      gen ? f2(L["igbs"]) " / " f2(M["igbs"]) " / " f2(H["igbs"]) : f2(M["igbs"]) " (its own timer)",
      gen ? f2(L["impps"]) " / " f2(M["impps"]) " / " f2(H["impps"]) : "-", gen ? sprintf("%.1f", M["cpu"]) : "-", gen ? f2(M["start"]) : "-"
  }
  print ""
  print "## What the numbers say (computed by the script)"
  print ""
  m1 = med["mix|1|/dev/null|", "igbs"]; m2 = med["mix|2|/dev/null|", "igbs"]; p1 = med["mix|1|/dev/null|", "pgbs"]; p2 = med["mix|2|/dev/null|", "pgbs"]
  printf "- **Mix to /dev/null, 2 threads:** %s GB/s in process, %s GB/s as a whole process (goal %s GB/s: %s in process, %s whole).\n", f2(m2), f2(p2), gg, verdict(m2 >= gg), verdict(p2 >= gg)
  printf "- **Two threads against one** (mix, /dev/null, medians): x%s in process, x%s as a whole process (goal x%s: %s).\n", f2(m2 / m1), f2(p2 / p1), gs, verdict(m2 / m1 >= gs)
  t1 = med["small packets|1|/dev/null|", "impps"]; t2 = med["small packets|2|/dev/null|", "impps"]
  printf "- **Small packets to /dev/null:** %s M packets/s with 2 threads, %s with 1, in process; %s as a whole process with 2 threads (goal %s M packets/s: %s).\n", f2(t2), f2(t1), f2(med["small packets|2|/dev/null|", "pmpps"]), gm, verdict(t2 >= gm)
  for (s = 1; s <= 2; s++) {
    name = s == 1 ? "mix" : "small packets"; dd = med[name "|ceiling: dd, 4 MiB blocks|file|", "pgbs"]; fl = med[name "|2|file|", "pgbs"]; fi = med[name "|2|file|", "igbs"]
    printf "- **%s to a file, 2 threads:** %s GB/s as a whole process (%s in process) where dd wrote %s GB/s to the same disk: %s %% of dd (goal %s %%: %s).\n", name, f2(fl), f2(fi), f2(dd), sprintf("%.0f", 100 * fl / dd), 100 * gd, verdict(fl >= gd * dd)
  }
  c1 = med["mix|ceiling: copy and write, threads 1|/dev/null|", "igbs"]; c2 = med["mix|ceiling: copy and write, threads 2|/dev/null|", "igbs"]
  printf "- **Copy-and-write ceiling** (pre-built bytes copied into 512 KiB direct buffers and written to /dev/null at their offsets, nothing generated): %s GB/s from 1 thread, %s GB/s from 2; the mix with 2 threads reaches %s %% of the 2-thread ceiling, and the goal of %s GB/s is %s times it.\n", f2(c1), f2(c2), sprintf("%.0f", 100 * m2 / c2), gg, sprintf("%.2f", gg / c2)
  pp = med["mix|ceiling: two 1-thread processes at once|/dev/null|", "igbs"]
  if (pp > 0) printf "- **Two processes at once** (two 1-thread generators of the mix, seeds 1 and 2, each its own process): %s GB/s together, x%s the rate of one alone: what this machine gives two workers that share nothing but its cores, caches and memory (goal x%s: %s there too).\n", f2(pp), f2(pp / m1), gs, verdict(pp / m1 >= gs)
  if (("mix|1|/dev/null|tables") in count) {
    w1 = med["mix|1|/dev/null|tables", "igbs"]; w2 = med["mix|2|/dev/null|tables", "igbs"]
    printf "- **Walk compiled per model against tables** (mix, /dev/null, in process): %s against %s GB/s with 1 thread (x%s), %s against %s with 2 (x%s).\n", f2(m1), f2(w1), f2(m1 / w1), f2(m2), f2(w2), f2(m2 / w2)
  }
  printf "- **CPU per packet** (user + system time of the whole process, JVM start and JIT included, median): mix %s ns with 1 thread, %s ns with 2; small packets %s and %s ns.\n", sprintf("%.0f", 1e9 * med["mix|1|/dev/null|", "cpu"] / packets["mix|1|/dev/null|"]), sprintf("%.0f", 1e9 * med["mix|2|/dev/null|", "cpu"] / packets["mix|2|/dev/null|"]), sprintf("%.0f", 1e9 * med["small packets|1|/dev/null|", "cpu"] / packets["small packets|1|/dev/null|"]), sprintf("%.0f", 1e9 * med["small packets|2|/dev/null|", "cpu"] / packets["small packets|2|/dev/null|"])
  printf "- **Start-up:** a whole process spends %s s (median, mix, 1 thread, /dev/null) outside the generator's own timer.\n", f2(med["mix|1|/dev/null|", "start"])
  printf "- **Load:** the 1-minute load average reached %s during the runs on %d cores", maxload, cores
  if (maxload >= 1.5) print "; above 1.5 other work shared the machine, so these rates are lower bounds." ; else print "; the machine was otherwise quiet."
}
