package org.tadam.capture;

import java.io.EOFException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.BlockingMode;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.Pcaps;
import org.tadam.pcap.RawPacket;
import org.tadam.pcap.ReadReport;

/**
 * A live capture on one network interface through libpcap (pcap4j over JNA; Debian package
 * {@code libpcap0.8}). Frames become {@link RawPacket}s for the same decoder → tracker → words chain
 * as capture files ({@link CaptureIngest#words(LiveCapture, Progress, Consumer)}). Not promiscuous
 * (the traffic of this host only), snaplen 65535, nanosecond timestamps where libpcap offers them.
 *
 * <p>The capture runs for its duration or until {@link #stop()}, which any thread (a signal handler)
 * may call. The handle is non-blocking and the loop sleeps briefly when nothing is buffered: a
 * blocking read with a timeout does not return on an idle Linux interface (TPACKET_V3 retires a
 * block only once it holds a packet), so neither the end of the duration nor a stop would be seen.
 */
public final class LiveCapture implements AutoCloseable {

  /** Told about the capture about four times a second, on the capturing thread, and at the end. */
  public interface Progress {
    void update(long packets, long connections, long elapsedNanos);
  }

  public static final int SNAPLEN = 65535;
  /** libpcap's buffering delay: packets reach us at most this late (TPACKET_V3 block timeout). */
  private static final int READ_TIMEOUT_MILLIS = 100;
  private static final long IDLE_SLEEP_MILLIS = 10;
  private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;
  // libpcap's pcap_activate() error codes (pcap/pcap.h)
  private static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
  private static final int PCAP_ERROR_PERM_DENIED = -8;
  private static final int PCAP_ERROR_IFACE_NOT_UP = -9;
  private static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;

  private final String device;
  private final Duration duration;
  private final PcapHandle handle;
  private final int linkType;
  private volatile boolean stopRequested;
  private boolean ran;
  private boolean interrupted;
  private long packets;
  private long elapsedNanos;
  private long dropped = -1;
  private String failure;

  private LiveCapture(String device, Duration duration, PcapHandle handle) {
    this.device = device;
    this.duration = duration;
    this.handle = handle;
    // pcap_datalink() gives a DLT_ value; for every link type the decoder knows on Linux it equals
    // the LINKTYPE_ value of files (DLT_RAW 12/14 differ from LINKTYPE_RAW 101, and the decoder
    // takes all three).
    this.linkType = handle.getDlt().value();
  }

  /**
   * Opens {@code device} for {@code duration}; capturing starts with {@link CaptureIngest}.
   *
   * @param filter a BPF expression (as for tcpdump), or null for every packet
   * @throws LiveCaptureException with a one-line message when libpcap is missing, the permission is
   *     denied, the interface does not exist or is down, or the filter does not compile
   */
  public static LiveCapture open(String device, String filter, Duration duration)
      throws LiveCaptureException {
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("the capture duration must be positive: " + duration);
    }
    PcapHandle handle;
    try {
      try {
        handle = build(device, TimestampPrecision.NANO);
      } catch (PcapNativeException e) {
        // Not every platform has nanosecond timestamps; any other error happens again below.
        handle = build(device, TimestampPrecision.MICRO);
      }
    } catch (PcapNativeException e) {
      throw classify(device, e);
    } catch (LinkageError e) {
      // UnsatisfiedLinkError from JNA on first use, NoClassDefFoundError on later ones
      throw new LiveCaptureException(LiveCaptureException.Kind.LIBPCAP_MISSING,
          "libpcap cannot be loaded; install it (Debian/Ubuntu: apt-get install libpcap0.8)", e);
    }
    try {
      if (filter != null && !filter.isBlank()) {
        try {
          handle.setFilter(filter, BpfCompileMode.OPTIMIZE);
        } catch (PcapNativeException e) {
          throw new LiveCaptureException(LiveCaptureException.Kind.BAD_FILTER,
              "capture filter '" + filter + "': " + e.getMessage(), e);
        }
      }
      handle.setBlockingMode(BlockingMode.NONBLOCKING);
      return new LiveCapture(device, duration, handle);
    } catch (PcapNativeException | NotOpenException e) {
      handle.close();
      throw new LiveCaptureException(LiveCaptureException.Kind.FAILED,
          "cannot capture on " + device + ": " + e.getMessage(), e);
    } catch (LiveCaptureException | RuntimeException e) {
      handle.close();
      throw e;
    }
  }

  private static PcapHandle build(String device, TimestampPrecision precision)
      throws PcapNativeException {
    return new PcapHandle.Builder(device).snaplen(SNAPLEN)
        .promiscuousMode(PromiscuousMode.NONPROMISCUOUS).timeoutMillis(READ_TIMEOUT_MILLIS)
        .timestampPrecision(precision).build();
  }

  private static LiveCaptureException classify(String device, PcapNativeException e) {
    int code = e.getReturnCode() == null ? 0 : e.getReturnCode();
    String message = String.valueOf(e.getMessage());
    if (code == PCAP_ERROR_PERM_DENIED || code == PCAP_ERROR_PROMISC_PERM_DENIED
        || message.contains("not permitted") || message.contains("ermission")) {
      String java = ProcessHandle.current().info().command().orElse("$(readlink -f $(which java))");
      return new LiveCaptureException(LiveCaptureException.Kind.PERMISSION_DENIED,
          "no permission to capture on " + device + " (" + message + "); run as root, or give "
              + "java the capture capabilities: sudo setcap cap_net_raw,cap_net_admin=eip " + java,
          e);
    }
    if (code == PCAP_ERROR_NO_SUCH_DEVICE || message.contains("No such device")) {
      List<String> names = interfaces();
      return new LiveCaptureException(LiveCaptureException.Kind.NO_SUCH_INTERFACE,
          "no network interface '" + device + "'; available: "
              + (names.isEmpty() ? "none found" : String.join(", ", names)), e);
    }
    if (code == PCAP_ERROR_IFACE_NOT_UP) {
      return new LiveCaptureException(LiveCaptureException.Kind.INTERFACE_DOWN,
          "network interface " + device + " is down", e);
    }
    return new LiveCaptureException(LiveCaptureException.Kind.FAILED,
        "cannot capture on " + device + ": " + message, e);
  }

  /** Names of the interfaces libpcap can open, in its order (empty when it cannot list them). */
  public static List<String> interfaces() {
    try {
      return Pcaps.findAllDevs().stream().map(PcapNetworkInterface::getName).toList();
    } catch (PcapNativeException | LinkageError e) {
      return List.of();
    }
  }

  /** Ends the capture soon (within milliseconds); safe from any thread, e.g. a signal handler. */
  public void stop() {
    stopRequested = true;
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  public String device() {
    return device;
  }

  /** Name of this capture in reports and in the connections' source: {@code live:DEVICE}. */
  public String source() {
    return "live:" + device;
  }

  public Duration duration() {
    return duration;
  }

  /** LINKTYPE_ value of the frames. */
  public int linkType() {
    return linkType;
  }

  /** After the run: true when {@link #stop()} ended it before its duration. */
  public boolean interrupted() {
    return interrupted;
  }

  /** After the run: frames captured. */
  public long packets() {
    return packets;
  }

  /** After the run: how long it captured. */
  public long elapsedNanos() {
    return elapsedNanos;
  }

  /** After the run: packets the kernel dropped because we did not read fast enough (-1: unknown). */
  public long dropped() {
    return dropped;
  }

  /** After the run: libpcap's error when the capture broke off (e.g. the interface went down), else null. */
  public String failure() {
    return failure;
  }

  /**
   * Captures until the duration is over, {@link #stop()} is called or libpcap fails, handing each
   * frame to {@code sink} (each with its own array) and counting it in {@code read}.
   */
  void run(Consumer<RawPacket> sink, ReadReport read, LongSupplier connections, Progress progress) {
    if (ran) {
      throw new IllegalStateException("a live capture runs once");
    }
    ran = true;
    read.format("live");
    read.linkTypes().add(linkType);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long nextProgress = start;
    long bytes = 0;
    try {
      while (!stopRequested && System.nanoTime() - end < 0) {
        if (progress != null && System.nanoTime() - nextProgress >= 0) {
          progress.update(packets, connections.getAsLong(), System.nanoTime() - start);
          nextProgress = System.nanoTime() + PROGRESS_INTERVAL_NANOS;
        }
        byte[] frame;
        try {
          frame = handle.getNextRawPacketEx();
        } catch (TimeoutException e) {
          Thread.sleep(IDLE_SLEEP_MILLIS); // nothing buffered (non-blocking handle)
          continue;
        }
        Instant t = handle.getTimestamp().toInstant();
        Integer original = handle.getOriginalLength();
        int wire = original == null ? frame.length : original;
        packets++;
        bytes += frame.length;
        read.frame(frame.length, wire);
        sink.accept(new RawPacket(packets, 0, 0, linkType,
            t.getEpochSecond() * 1_000_000_000L + t.getNano(), frame, 0, frame.length, wire));
      }
    } catch (PcapNativeException | NotOpenException | EOFException e) {
      failure = String.valueOf(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopRequested = true;
    }
    elapsedNanos = System.nanoTime() - start;
    interrupted = stopRequested && elapsedNanos < duration.toNanos();
    read.bytes(bytes);
    try {
      dropped = handle.getStats().getNumPacketsDropped();
    } catch (PcapNativeException | NotOpenException | UnsupportedOperationException e) {
      dropped = -1; // statistics are optional in libpcap
    }
    if (progress != null) {
      progress.update(packets, connections.getAsLong(), elapsedNanos);
    }
  }

  @Override
  public void close() {
    handle.close();
  }
}
