package dev.abusedesk.config;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text (RFC 7468) as written by certbot, acme.sh, lego and OpenSSL: labelled base64 blocks,
 * with anything between them (OpenSSL's "Bag Attributes", comments) ignored. Also the two DER
 * rewrappings the JDK needs to read the traditional key forms those tools still write: PKCS#1
 * {@code RSA PRIVATE KEY} and SEC1 {@code EC PRIVATE KEY} become PKCS#8. Pure: text in, bytes out.
 */
final class Pem {

  /** One block: its label ({@code CERTIFICATE}, {@code PRIVATE KEY}) and its DER bytes. */
  record Block(String label, byte[] der, boolean legacyEncrypted) {}

  /** A block that is not PEM as it claims: what is wrong, for a person. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----");

  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };
  private static final byte[] EC_PUBLIC_KEY = {
    0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
  };
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
  private static final int SEQUENCE = 0x30;
  private static final int OCTET_STRING = 0x04;
  private static final int OID = 0x06;
  private static final int PARAMETERS = 0xa0;

  private Pem() {}

  /** The blocks of {@code text}, in order; none when it holds no PEM at all. */
  static List<Block> blocks(String text) throws Malformed {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher begin = BEGIN.matcher(lines[i].strip());
      if (!begin.matches()) {
        continue;
      }
      String label = begin.group(1);
      String end = "-----END " + label + "-----";
      StringBuilder base64 = new StringBuilder();
      boolean encrypted = false;
      int j = i + 1;
      for (; j < lines.length && !lines[j].strip().equals(end); j++) {
        String line = lines[j].strip();
        if (line.contains(":")) {
          // RFC 1421 headers: "Proc-Type: 4,ENCRYPTED" marks an OpenSSL-encrypted key.
          encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
          continue;
        }
        base64.append(line);
      }
      if (j == lines.length) {
        throw new Malformed("the " + label + " block has no " + end + " line");
      }
      try {
        blocks.add(new Block(label, Base64.getDecoder().decode(base64.toString()), encrypted));
      } catch (IllegalArgumentException e) {
        throw new Malformed("the " + label + " block is not valid base64");
      }
      i = j;
    }
    return blocks;
  }

  /** A PKCS#1 RSAPrivateKey wrapped as PKCS#8 PrivateKeyInfo. */
  static byte[] pkcs8FromPkcs1(byte[] rsaPrivateKey) {
    return tlv(SEQUENCE, VERSION_0, RSA_ALGORITHM, tlv(OCTET_STRING, rsaPrivateKey));
  }

  /**
   * A SEC1 ECPrivateKey wrapped as PKCS#8 PrivateKeyInfo, with the curve named in its parameters;
   * empty when it names none (the PKCS#8 form needs it).
   */
  static Optional<byte[]> pkcs8FromSec1(byte[] ecPrivateKey) throws Malformed {
    int[] outer = header(ecPrivateKey, 0);
    if (outer[0] != SEQUENCE) {
      throw new Malformed("not a DER sequence");
    }
    int at = outer[1];
    int end = outer[1] + outer[2];
    while (at < end) {
      int[] field = header(ecPrivateKey, at);
      if (field[0] == PARAMETERS) {
        int[] curve = header(ecPrivateKey, field[1]);
        if (curve[0] != OID) {
          return Optional.empty();
        }
        byte[] oid = Arrays.copyOfRange(ecPrivateKey, field[1], curve[1] + curve[2]);
        return Optional.of(
            tlv(
                SEQUENCE,
                VERSION_0,
                tlv(SEQUENCE, EC_PUBLIC_KEY, oid),
                tlv(OCTET_STRING, ecPrivateKey)));
      }
      at = field[1] + field[2];
    }
    return Optional.empty();
  }

  /** {tag, offset of the content, length of the content} of the DER element at {@code at}. */
  private static int[] header(byte[] der, int at) throws Malformed {
    if (at + 2 > der.length) {
      throw new Malformed("truncated DER");
    }
    int tag = der[at] & 0xff;
    int first = der[at + 1] & 0xff;
    int content = at + 2;
    long length = first;
    if (first > 0x80) {
      int bytes = first - 0x80;
      if (bytes > 3 || content + bytes > der.length) {
        throw new Malformed("bad DER length");
      }
      length = 0;
      for (int k = 0; k < bytes; k++) {
        length = (length << 8) | (der[content + k] & 0xff);
      }
      content += bytes;
    } else if (first == 0x80) {
      throw new Malformed("indefinite DER length");
    }
    if (content + length > der.length) {
      throw new Malformed("truncated DER");
    }
    return new int[] {tag, content, (int) length};
  }

  private static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.size();
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }
}
