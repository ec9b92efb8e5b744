package org.tadam.generator.runtime;

import java.nio.file.Path;

/** What one run produces: defaults from the scenario, overridden on the command line. */
public final class GeneratorSettings {

	public long seed;
	/** Number of connections; 0 = bounded by the duration only. */
	public long connections;
	/** Length of the capture in nanoseconds; 0 = bounded by the connection count only. */
	public long durationNanos;
	/** Mean new connections per second. */
	public double rate = 100;
	/** Relative rate of each hour of the day (UTC), 24 values; null = constant rate. */
	public double[] profile;
	public long startNanos;
	public CaptureFormat format = CaptureFormat.PCAP;
	public int snapLength = 65535;
	public int threads = 1;
	/** File to write; null with {@link #stdout} false means: discard (benchmarks). */
	public Path output;
	public boolean stdout;
	/** Replay the models' learned noise rates ({@code --noise learned}). */
	public boolean learnedNoise;
	/** Label file to write, one row per connection; null = none. */
	public Path labels;
	/** Walk the automata's tables even when compiled code exists ({@code --walk tables}): same bytes, for comparison. */
	public boolean tableWalk;
	/**
	 * The channel given to TrafficGenerator.run is a FileChannel the caller opened for writing (not appending), so
	 * that windows may be written at their offsets by several threads at once.
	 */
	public boolean parallelWrites;
	/**
	 * A shard of the run: only the connections numbered {@code [firstConnection, lastConnection)} are written (0 for
	 * the last = to the run's end), with the start times, seeds and bytes they have in the whole run. Merging the
	 * shards of consecutive ranges by time, the lower range first on equal times, gives the whole run's packets.
	 */
	public long firstConnection;
	public long lastConnection;

	public GeneratorSettings copy() {
		GeneratorSettings c = new GeneratorSettings();
		c.seed = seed;
		c.connections = connections;
		c.durationNanos = durationNanos;
		c.rate = rate;
		c.profile = profile == null ? null : profile.clone();
		c.startNanos = startNanos;
		c.format = format;
		c.snapLength = snapLength;
		c.threads = threads;
		c.output = output;
		c.stdout = stdout;
		c.learnedNoise = learnedNoise;
		c.labels = labels;
		c.tableWalk = tableWalk;
		c.parallelWrites = parallelWrites;
		c.firstConnection = firstConnection;
		c.lastConnection = lastConnection;
		return c;
	}
}
