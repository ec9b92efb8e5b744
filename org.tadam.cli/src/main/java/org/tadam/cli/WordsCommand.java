package org.tadam.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.IngestReport;
import org.tadam.capture.LiveCapture;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.pcap.AtomicOutput;
import org.tadam.capture.word.SymbolAbstraction;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.word.WordOutput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tadam words}: captures → one timed word per connection. The work is done by
 * {@link CaptureIngest}; this class only maps options and prints.
 */
@Command(name = "words", mixinStandardHelpOptions = true,
		description = { "Reads pcap/pcapng captures, or captures live on a network interface (--interface IF for --duration, 60s by default), and prints one timed word per TCP/UDP connection.",
				"Live, e.g.: tadam words --interface eth0 --duration 30s --filter 'udp port 53'; Ctrl-C ends the capture earlier and prints the words of what it has.",
				"text: SERVICE<TAB>SYMBOL:IAT,SIZE ... (one line per connection); json: JSON Lines with connection metadata; "
						+ "reference: the TADAM reference implementation's input (NAME:VALUE tokens; legend in FILE.legend.tsv, or on stderr).",
				"A summary (files, packets, connections per service and outcome, skipped frames) goes to stderr.",
				"Exit code 0 = ok, 2 = a file was unreadable or corrupt, or a live capture could not start or broke off (words read before the damage are still written)." })
public final class WordsCommand implements Callable<Integer> {
	private static final int EXIT_ERROR = 2;

	@Parameters(arity = "0..*", paramLabel = "CAPTURE", description = "pcap or pcapng files")
	private List<Path> captures = new ArrayList<>();

	@Mixin
	private LiveOptions live = new LiveOptions();

	@Option(names = "--service", paramLabel = "S", description = "only connections of this service (repeatable), e.g. http, dns, tcp/8081")
	private List<String> services = new ArrayList<>();

	@Option(names = "--service-port", paramLabel = "PORT[/PROTO]=NAME", description = "names a server port (repeatable), e.g. 8080=http, 5000/udp=myproto")
	private List<String> servicePorts = new ArrayList<>();

	@Option(names = "--format", paramLabel = "text|json|reference", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
	private String format;

	@Option(names = "--reference-value", paramLabel = "iat|size", defaultValue = "iat", description = "value written per letter by --format reference (default: ${DEFAULT-VALUE})")
	private String referenceValue;

	@Option(names = "--udp-timeout", paramLabel = "SECONDS", defaultValue = "60", description = "idle time that ends a UDP flow (default: ${DEFAULT-VALUE})")
	private double udpTimeout;

	@Option(names = "--max-packets", paramLabel = "N", defaultValue = "1000", description = "letters per word; longer connections are truncated and counted (default: ${DEFAULT-VALUE})")
	private int maxPackets;

	@Option(names = "--no-payload-classes", description = "symbols from TCP flags and direction only")
	private boolean noPayloadClasses;

	@Option(names = "--random-alpha", paramLabel = "A", defaultValue = "0.05",
			description = "level of the χ² randomness test of payload classes (default: ${DEFAULT-VALUE}, Part B); see tadam learn --help")
	private double randomAlpha;

	@Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "write here (atomically) instead of stdout")
	private Path output;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter err = spec.commandLine().getErr();
		if (captures.isEmpty() && !live.given()) {
			err.println("tadam words: give capture files or --interface IF");
			return EXIT_ERROR;
		}
		if (live.problem(!captures.isEmpty()) != null) {
			err.println("tadam words: " + live.problem(!captures.isEmpty()));
			return EXIT_ERROR;
		}
		IngestOptions options;
		WordOutput.Format fmt;
		int valueIndex;
		try {
			fmt = WordOutput.Format.parse(format);
			valueIndex = switch (referenceValue) {
			case "iat" -> 0;
			case "size" -> 1;
			default -> throw new IllegalArgumentException("--reference-value must be iat or size: " + referenceValue);
			};
			TrackerOptions tracker = TrackerOptions.defaults().withUdpTimeoutSeconds(udpTimeout)
					.withMaxPackets(maxPackets).withPayloadRetention(0, 0)
					.withClassifyPayloads(!noPayloadClasses).withRandomAlpha(randomAlpha);
			options = IngestOptions.defaults().withServices(WordInputs.services(servicePorts)).withTracker(tracker)
					.withAlphabet(noPayloadClasses ? SymbolAbstraction.flagsOnly() : SymbolAbstraction.standard())
					.withServiceFilter(Set.copyOf(services));
		} catch (IllegalArgumentException e) {
			err.println("tadam words: " + e.getMessage());
			return EXIT_ERROR;
		}
		// opened before the output, so that a capture that cannot start leaves no file behind
		LiveCapture capture = live.given() ? live.open("words", err) : null;
		if (live.given() && capture == null) {
			return EXIT_ERROR;
		}
		IngestReport[] report = new IngestReport[1];
		WordOutput[] words = new WordOutput[1];
		try {
			if (output == null) {
				Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
				report[0] = run(options, fmt, valueIndex, out, words, capture, err);
				out.flush();
			} else {
				AtomicOutput.write(output, stream -> {
					Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
					report[0] = run(options, fmt, valueIndex, out, words, capture, err);
					out.flush();
				});
				if (fmt == WordOutput.Format.REFERENCE) {
					Path legend = output.resolveSibling(output.getFileName() + ".legend.tsv");
					AtomicOutput.write(legend, stream -> stream.write(words[0].legendTsv().getBytes(StandardCharsets.UTF_8)));
				}
			}
		} catch (IOException | UncheckedIOException e) {
			err.println("tadam words: cannot write output: " + e.getMessage());
			return EXIT_ERROR;
		} finally {
			if (capture != null) {
				capture.close(); // already closed after a run; not when writing failed before it
			}
		}
		err.print(report[0].summary());
		err.printf("words written: %d%n", words[0].words());
		if (fmt == WordOutput.Format.REFERENCE && output == null) {
			err.print("legend (name -> symbol):\n" + words[0].legendTsv());
		}
		for (var f : report[0].files()) {
			if (f.error() != null) {
				err.println("tadam words: error: " + f.error().getMessage());
			}
		}
		report[0].unreadable().forEach((f, m) -> err.println("tadam words: error: cannot read " + f + ": " + m));
		err.flush();
		return report[0].hasErrors() || capture != null && capture.failure() != null ? EXIT_ERROR : 0;
	}

	private IngestReport run(IngestOptions options, WordOutput.Format fmt, int valueIndex, Writer out,
			WordOutput[] holder, LiveCapture capture, PrintWriter err) {
		WordOutput words = new WordOutput(fmt, out, valueIndex);
		holder[0] = words;
		Consumer<TimedWord> sink = w -> {
			try {
				words.write(w);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		};
		if (capture != null) {
			return LiveOptions.run(capture, "words", options, true, sink, err, "writing the words of");
		}
		return new CaptureIngest(options).words(captures, sink);
	}
}
