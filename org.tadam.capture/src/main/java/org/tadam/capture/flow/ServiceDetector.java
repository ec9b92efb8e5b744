package org.tadam.capture.flow;

import static org.tadam.capture.payload.AsciiBytes.containsIgnoreCase;
import static org.tadam.capture.payload.AsciiBytes.startsWith;
import static org.tadam.capture.payload.AsciiBytes.startsWithIgnoreCase;

import java.util.Set;
import org.tadam.capture.payload.MessageSyntax;

/**
 * Names a connection's service from what its first payloads say (issue 12 item 4: SSH on port
 * 2200 is "ssh", not a port number). One instance per connection; it looks at the first
 * non-empty payload of each direction only, so a protocol that a connection switches to later
 * (STARTTLS in POP3, LDAP, MySQL, PostgreSQL; HTTP inside SOCKS) does not rename it. When both
 * payloads are recognised the responder's wins: a client sending "GET /" to an SSH server does not
 * make it HTTP. The signatures ({@link ContentSignatures}) are checked in a fixed order.
 *
 * <p>Precedence of the final name ({@link ServiceTable#name(int, int, String)}): the user's
 * {@code --service-port} override, then this content name, then the port table. When the content
 * names a family that the port table refines (TLS on 993 is "imaps", DNS format on 5353 is
 * "mdns"), the port's name is kept: see {@link #refinedBy}.
 */
public final class ServiceDetector {
  /** Port-table names that say more than the content family (which application, which variant). */
  private static final Set<String> TLS_PORT_NAMES = Set.of("https", "imaps", "pop3s",
      "submissions", "ldaps", "ftps", "ftps-data", "domain-s", "secure-mqtt", "pcsync-https",
      "ircs-u", "nntps", "telnets", "amqps", "sip-tls", "syslog-tls", "ntske");
  private static final Set<String> DNS_PORT_NAMES = Set.of("mdns", "llmnr", "netbios-ns");
  private static final Set<String> SMTP_PORT_NAMES = Set.of("submission");
  private static final Set<String> FTP_PORT_NAMES = Set.of("gsiftp");

  private boolean initiatorSeen;
  private boolean responderSeen;
  private String initiatorSays;
  private String responderSays;
  /** The responder greeted with a bare "220" (SMTP or FTP): the client's first command decides. */
  private boolean greeted220;

  /** No more payloads needed: both first payloads seen, or the responder's named the service. */
  public boolean decided() {
    return responderSays != null || initiatorSeen && responderSeen;
  }

  /** The content's service name (the responder's word first), or null. */
  public String service() {
    return responderSays != null ? responderSays : initiatorSays;
  }

  /**
   * Looks at one payload.
   *
   * @param protocol 6 or 17
   * @param fromInitiator sent by the connection's initiator
   * @param len captured payload bytes at {@code b[off..off+len)}
   */
  public void offer(int protocol, boolean fromInitiator, byte[] b, int off, int len) {
    if (len <= 0 || (fromInitiator ? initiatorSeen : responderSeen)) {
      return;
    }
    String says = protocol == 17 ? udp(b, off, len) : tcp(fromInitiator, b, off, len);
    if (fromInitiator) {
      initiatorSeen = true;
      initiatorSays = says;
    } else {
      responderSeen = true;
      responderSays = says;
    }
  }

  private static String udp(byte[] b, int off, int len) {
    if (ContentSignatures.dns(b, off, len)) {
      return "dns";
    }
    return ContentSignatures.ntp(b, off, len) ? "ntp" : null;
  }

  private String tcp(boolean fromInitiator, byte[] b, int off, int len) {
    if (ContentSignatures.ssh(b, off, len)) {
      return "ssh";
    }
    if (ContentSignatures.tlsHandshake(b, off, len)) {
      return "tls";
    }
    if (MessageSyntax.httpStartLine(b, off, len) >= 0) {
      return "http";
    }
    if (ContentSignatures.mqttConnect(b, off, len)) {
      return "mqtt";
    }
    String mail = smtpOrFtp(fromInitiator, b, off, len);
    if (mail != null) {
      return mail;
    }
    if (ContentSignatures.dnsOverTcp(b, off, len)) {
      return "dns";
    }
    // Last: the only test that may read more than a few bytes.
    return !fromInitiator && ContentSignatures.sshAfterPreface(b, off, len) ? "ssh" : null;
  }

  /**
   * SMTP and FTP both greet with {@code 220}: the greeting decides when it names its software
   * (ESMTP/SMTP; FTP, FileZilla, vsFTPd, ProFTPD...), else the client's first command does
   * ({@code EHLO}/{@code HELO}: SMTP; {@code USER}, {@code AUTH TLS}, {@code FEAT}, {@code SYST}
   * after a 220 greeting: FTP; POP3 clients send USER too, but after {@code +OK}).
   */
  private String smtpOrFtp(boolean fromInitiator, byte[] b, int off, int len) {
    if (startsWith(b, off, len, "220") && (len == 3 || b[off + 3] == ' ' || b[off + 3] == '-')) {
      boolean smtp = containsIgnoreCase(b, off, off + len, "SMTP");
      boolean ftp = containsIgnoreCase(b, off, off + len, "FTP")
          || containsIgnoreCase(b, off, off + len, "FileZilla");
      if (smtp != ftp) {
        return smtp ? "smtp" : "ftp";
      }
      greeted220 |= !fromInitiator;
      return null;
    }
    if (startsWithIgnoreCase(b, off, len, "EHLO ") || startsWithIgnoreCase(b, off, len, "HELO ")) {
      return "smtp";
    }
    if (greeted220 && fromInitiator && (startsWithIgnoreCase(b, off, len, "USER ")
        || startsWithIgnoreCase(b, off, len, "AUTH TLS")
        || startsWithIgnoreCase(b, off, len, "AUTH SSL")
        || startsWithIgnoreCase(b, off, len, "FEAT") || startsWithIgnoreCase(b, off, len, "SYST"))) {
      return "ftp";
    }
    return null;
  }

  /**
   * Whether the port table's name for the port is a refinement of the content's family and wins
   * over it: TLS only says "encrypted", the port says which application (https, imaps...); the
   * DNS message format is shared by mDNS, LLMNR and NetBIOS names; SMTP on 587 is submission,
   * FTP on 2811 GridFTP.
   */
  public static boolean refinedBy(String content, String portName) {
    if (portName == null) {
      return false;
    }
    return switch (content) {
      case "tls" -> TLS_PORT_NAMES.contains(portName);
      case "dns" -> DNS_PORT_NAMES.contains(portName);
      case "smtp" -> SMTP_PORT_NAMES.contains(portName);
      case "ftp" -> FTP_PORT_NAMES.contains(portName);
      default -> false;
    };
  }
}
