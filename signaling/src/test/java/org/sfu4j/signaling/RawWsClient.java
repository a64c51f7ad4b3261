package org.sfu4j.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.sfu4j.signaling.protoo.ProtooCodec;

/**
 * A minimal blocking WebSocket client over a plain {@link Socket} (RFC 6455 framing written here),
 * for soak and flood tests: it is an order of magnitude faster than the JDK client per request and
 * can stop at any byte of the handshake and drop the connection with a TCP RST.
 */
final class RawWsClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;

  private RawWsClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(socket.getInputStream());
  }

  /** TCP connect only; {@link #upgrade} sends the HTTP request. */
  static RawWsClient tcp(int port) {
    try {
      Socket s = new Socket();
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      return new RawWsClient(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RawWsClient connect(int port, String room, String peer) {
    RawWsClient c = tcp(port);
    int status = c.upgrade("roomId=" + room + "&peerId=" + peer);
    if (status != 101) {
      c.abort();
      throw new IllegalStateException("upgrade answered " + status);
    }
    return c;
  }

  String upgradeRequest(String query) {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    return "GET /ws?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: protoo\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n\r\n";
  }

  /** Sends raw bytes (e.g. half an HTTP request). */
  void sendRaw(String s) {
    try {
      out.write(s.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends the upgrade and returns the HTTP status (the headers are consumed). */
  int upgrade(String query) {
    sendRaw(upgradeRequest(query));
    try {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed during upgrade");
        }
        head.write(b);
        matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String status = head.toString(StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One masked text frame. */
  void sendText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
    f.write(0x81);
    if (payload.length < 126) {
      f.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      f.write(0x80 | 126);
      f.write(payload.length >>> 8);
      f.write(payload.length);
    } else {
      f.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        f.write((int) ((long) payload.length >>> (8 * i)));
      }
    }
    f.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      payload[i] ^= mask[i & 3];
    }
    f.write(payload, 0, payload.length);
    try {
      f.writeTo(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void sendRequest(long id, String method, JsonNode data) {
    sendText(ProtooCodec.request(id, method, data));
  }

  /** The next text message (unfragmented server frames), or null when the server closed. */
  String readText() {
    try {
      while (true) {
        int b0 = in.read();
        if (b0 < 0) {
          return null;
        }
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
          len = in.readUnsignedShort();
        } else if (len == 127) {
          len = in.readLong();
        }
        byte[] p = new byte[(int) len];
        in.readFully(p);
        int opcode = b0 & 0x0f;
        if (opcode == 0x8) {
          return null;
        }
        if (opcode == 0x1) {
          return new String(p, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until the response to {@code id} arrives; other messages are skipped. */
  JsonNode response(long id) {
    while (true) {
      String t = readText();
      if (t == null) {
        throw new IllegalStateException("closed before response " + id);
      }
      if (t.startsWith("{\"response\":true,\"id\":" + id + ",")) {
        try {
          return ProtooCodec.MAPPER.readTree(t);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  JsonNode ok(long id, String method, JsonNode data) {
    sendRequest(id, method, data);
    JsonNode r = response(id);
    if (!r.path("ok").asBoolean()) {
      throw new AssertionError(method + " failed: " + r);
    }
    return r.path("data");
  }

  InputStream input() {
    return in;
  }

  /** Drops the connection with a TCP RST (no close frame, no FIN). */
  void abort() {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  @Override
  public void close() {
    abort();
  }
}
