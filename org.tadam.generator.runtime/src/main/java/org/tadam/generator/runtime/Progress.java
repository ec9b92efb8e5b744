package org.tadam.generator.runtime;

/**
 * Told as each window of the capture takes its place in it, in capture order: by any thread of the run, one at a
 * time.
 */
public interface Progress {

	/**
	 * @param bytes of the windows so far (written or being written), file header included
	 * @param packets of the windows so far
	 * @param connections generated so far (those of the windows so far)
	 * @param captureNanos capture time up to which every packet has its place
	 */
	void update(long bytes, long packets, long connections, long captureNanos);
}
