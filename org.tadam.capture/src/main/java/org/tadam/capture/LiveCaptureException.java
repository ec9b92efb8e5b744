package org.tadam.capture;

/**
 * A live capture could not start. The message is one line meant for the user (what to install,
 * what permission is missing, which interfaces exist); the cause keeps libpcap's or JNA's own error
 * for a bug report.
 */
public final class LiveCaptureException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the capture could not start. */
  public enum Kind {
    /** libpcap (Debian: libpcap0.8) could not be loaded. */
    LIBPCAP_MISSING,
    /** Neither root nor CAP_NET_RAW and CAP_NET_ADMIN. */
    PERMISSION_DENIED,
    /** No interface of that name; the message lists those that exist. */
    NO_SUCH_INTERFACE,
    /** The interface exists but is down. */
    INTERFACE_DOWN,
    /** The BPF filter does not compile. */
    BAD_FILTER,
    /** Anything else libpcap reports. */
    FAILED
  }

  private final Kind kind;

  public LiveCaptureException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
