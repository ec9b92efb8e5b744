package org.tadam.generator.runtime;

/**
 * A step of the run that windows take in capture order, each on the thread that holds it: window {@code n} may
 * start it once window {@code n - 1} has passed. A waiting thread spins briefly first: the window before is
 * usually a few microseconds from passing, and a park and wake-up would cost more than that.
 */
final class Turn {

	private static final int SPINS = 2000;

	private volatile long next;
	private volatile boolean aborted;

	/** Waits until {@code window} may take the step; false when the run was aborted meanwhile. */
	boolean await(long window) throws InterruptedException {
		for (int spin = 0; spin < SPINS; spin++) {
			if (next == window || aborted) {
				return !aborted;
			}
			Thread.onSpinWait();
		}
		synchronized (this) {
			while (next != window && !aborted) {
				wait();
			}
		}
		return !aborted;
	}

	/** The window holding the step has taken it: the next one may. */
	synchronized void pass() {
		next++;
		notifyAll();
	}

	/** Wakes every waiting thread for good: a thread failed, the run stops. */
	synchronized void abort() {
		aborted = true;
		notifyAll();
	}
}
