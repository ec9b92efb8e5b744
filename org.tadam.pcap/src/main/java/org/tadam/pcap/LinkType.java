package org.tadam.pcap;

/** LINKTYPE_* values (tcpdump.org/linktypes.html) that the decoder understands. */
public final class LinkType {
  public static final int NULL = 0;
  public static final int ETHERNET = 1;
  public static final int PPP = 9;
  public static final int RAW_DLT12 = 12;
  public static final int RAW_DLT14 = 14;
  public static final int PPP_HDLC = 50;
  public static final int RAW = 101;
  public static final int LOOP = 108;
  public static final int LINUX_SLL = 113;
  public static final int IPV4 = 228;
  public static final int IPV6 = 229;
  public static final int LINUX_SLL2 = 276;

  private LinkType() {
  }

  public static String name(int linkType) {
    return switch (linkType) {
      case NULL -> "NULL";
      case ETHERNET -> "EN10MB";
      case PPP -> "PPP";
      case RAW_DLT12, RAW_DLT14, RAW -> "RAW";
      case PPP_HDLC -> "PPP_HDLC";
      case LOOP -> "LOOP";
      case LINUX_SLL -> "LINUX_SLL";
      case IPV4 -> "IPV4";
      case IPV6 -> "IPV6";
      case LINUX_SLL2 -> "LINUX_SLL2";
      default -> "LINKTYPE_" + linkType;
    };
  }
}
