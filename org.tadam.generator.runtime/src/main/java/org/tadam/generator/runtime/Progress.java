package org.tadam.generator.runtime;

/** Told after each window of the capture is written; called on the writing thread only. */
public interface Progress {

	/**
	 * @param bytes written so far, file header included
	 * @param packets written so far
	 * @param connections generated so far (those of the windows written)
	 * @param captureNanos capture time up to which every packet is written
	 */
	void update(long bytes, long packets, long connections, long captureNanos);
}
