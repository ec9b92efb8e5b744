package org.tadam.pcap;

import java.util.TreeSet;

/** What reading one capture file produced: format, frames, bytes, link types, skips, error. */
public final class ReadReport {
  private final String source;
  private String format = "unknown";
  private long frames;
  private long bytes;
  private long snaplenCut;
  private long sections;
  private final TreeSet<Integer> linkTypes = new TreeSet<>();
  private final SkipCounter skips = new SkipCounter();
  private CaptureFormatException error;

  public ReadReport(String source) {
    this.source = source;
  }

  public String source() {
    return source;
  }

  public String format() {
    return format;
  }

  /** Sets the format name (public for sources other than files: {@code live}). */
  public void format(String f) {
    this.format = f;
  }

  public long frames() {
    return frames;
  }

  /** Counts one frame (public for sources other than files, such as a live capture). */
  public void frame(int capturedLength, int originalLength) {
    frames++;
    if (capturedLength < originalLength) {
      snaplenCut++;
    }
  }

  /** Bytes of the file consumed (equals the file size when the whole file was read). */
  public long bytes() {
    return bytes;
  }

  public void bytes(long b) {
    this.bytes = b;
  }

  /** Frames whose captured length is below the wire length (still decoded when headers fit). */
  public long snaplenCut() {
    return snaplenCut;
  }

  public long sections() {
    return sections;
  }

  void section() {
    sections++;
  }

  public TreeSet<Integer> linkTypes() {
    return linkTypes;
  }

  public SkipCounter skips() {
    return skips;
  }

  public CaptureFormatException error() {
    return error;
  }

  public void error(CaptureFormatException e) {
    this.error = e;
  }
}
