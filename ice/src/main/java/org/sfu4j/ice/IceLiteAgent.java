package org.sfu4j.ice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * ICE-lite agent of one transport (RFC 8445 §2.5, §7.3; consent freshness RFC 7675).
 *
 * <p>Answers connectivity checks that carry our ufrag and a valid MESSAGE-INTEGRITY, learns the
 * remote tuples they come from, selects a tuple on the first valid check (CONNECTED) and the
 * nominated one on USE-CANDIDATE (COMPLETED), switching on every newer nomination. A lite agent
 * sends no checks, so consent is the arrival of valid checks: a tuple without one for
 * {@code consentTimeoutMs} (default 30 s) is dropped; when that was the selected tuple and no
 * other tuple is fresh the state becomes DISCONNECTED, and after a further
 * {@code disconnectedTimeoutMs} (default 30 s, i.e. 60 s after the last valid check) CLOSED. A
 * valid check while DISCONNECTED reconnects; an ICE restart does not reset the clock.
 *
 * <p>Single-threaded, driven by its owner's event loop: no threads, no timers; time comes in as
 * {@code nowMs} (any monotonic millisecond clock). Listener callbacks run synchronously inside
 * {@link #handleRequest} / {@link #tick}.
 *
 * <p>Answer policy (what browsers and mediasoup expect): valid check → success response; missing
 * USERNAME/MESSAGE-INTEGRITY/PRIORITY or non-binding request → 400; right ufrag but bad integrity
 * → 401 (no integrity on it); ICE-CONTROLLED (peer also claims the controlled role; a lite agent
 * is always controlled) → 487; foreign ufrag (e.g. the pre-restart one) or bad FINGERPRINT →
 * dropped silently; indications and responses → ignored. Every outcome is counted.
 */
public final class IceLiteAgent {

  /** RFC 7675 §5.1: consent expires 30 s after the last valid check. */
  public static final long DEFAULT_CONSENT_TIMEOUT_MS = 30_000;
  /**
   * Time spent DISCONNECTED before CLOSED. 30 s gives a client on a flapping network or doing
   * an ICE restart room to come back, while bounding how long a dead transport holds resources.
   */
  public static final long DEFAULT_DISCONNECTED_TIMEOUT_MS = 30_000;
  /** Bound on remembered tuples; the least recently checked non-selected one is evicted. */
  public static final int MAX_TUPLES = 8;

  static final int USERNAME_FRAGMENT_LENGTH = 16;
  static final int PASSWORD_LENGTH = 32;
  private static final char[] ICE_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  /** Events of the agent, called on the owner's thread. */
  public interface Listener {
    void onStateChange(IceState state);

    /** The selected tuple changed to {@code tuple} (never null). */
    void onSelectedTupleChange(InetSocketAddress tuple);

    /** A tuple became valid (passed a check): the owner may map it for media demux. */
    default void onTupleAdded(InetSocketAddress tuple) {}

    /** A tuple lost consent or was evicted: the owner must unmap it. */
    default void onTupleRemoved(InetSocketAddress tuple) {}
  }

  private static final class Tuple {
    final InetSocketAddress address;
    /** Raw IP, cached so answering a check does not copy it out of InetAddress each time. */
    final byte[] ip;
    long lastValidCheckMs;

    Tuple(InetSocketAddress address, long nowMs) {
      this.address = address;
      this.ip = address.getAddress().getAddress();
      this.lastValidCheckMs = nowMs;
    }
  }

  private final Listener listener;
  private final Random random;
  private final long consentTimeoutMs;
  private final long disconnectedTimeoutMs;
  private final StunDigest digest = new StunDigest();
  private final StunMessageWriter writer = new StunMessageWriter();
  private final List<Tuple> tuples = new ArrayList<>(2);

  private String usernameFragment;
  private byte[] usernameFragmentBytes;
  private String password;
  private byte[] passwordBytes;
  private String previousUsernameFragment;
  private IceParameters parameters;

  private IceState state = IceState.NEW;
  private Tuple selected;
  private long lastNomination;
  private long disconnectedSinceMs;

  private long requestsOk;
  private long badIntegrity;
  private long unknownUsernameFragment;
  private long malformed;
  private long roleConflicts;
  private long ignored;

  /** An agent with a fresh SecureRandom and the default timeouts. */
  public IceLiteAgent(Listener listener) {
    this(listener, new SecureRandom(), DEFAULT_CONSENT_TIMEOUT_MS, DEFAULT_DISCONNECTED_TIMEOUT_MS);
  }

  /**
   * @param random source of credentials; a SecureRandom in production (tests may seed one)
   * @param consentTimeoutMs time without a valid check after which a tuple is dropped
   * @param disconnectedTimeoutMs time in DISCONNECTED after which the state becomes CLOSED
   */
  public IceLiteAgent(Listener listener, Random random, long consentTimeoutMs,
      long disconnectedTimeoutMs) {
    if (consentTimeoutMs <= 0 || disconnectedTimeoutMs < 0) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    this.listener = Objects.requireNonNull(listener, "listener");
    this.random = Objects.requireNonNull(random, "random");
    this.consentTimeoutMs = consentTimeoutMs;
    this.disconnectedTimeoutMs = disconnectedTimeoutMs;
    newCredentials();
  }

  private void newCredentials() {
    usernameFragment = randomString(USERNAME_FRAGMENT_LENGTH);
    password = randomString(PASSWORD_LENGTH);
    usernameFragmentBytes = usernameFragment.getBytes(StandardCharsets.US_ASCII);
    passwordBytes = password.getBytes(StandardCharsets.US_ASCII);
    digest.key(passwordBytes);
    parameters = new IceParameters(usernameFragment, password, true);
  }

  private String randomString(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ICE_CHARS[random.nextInt(ICE_CHARS.length)];
    }
    return new String(chars);
  }

  /** Current local credentials (iceLite = true). */
  public IceParameters iceParameters() {
    return parameters;
  }

  /** Current local ufrag: the demux key for STUN. */
  public String usernameFragment() {
    return usernameFragment;
  }

  /** The ufrag replaced by the last {@link #restartIce()} (to unmap), or null. */
  public String previousUsernameFragment() {
    return previousUsernameFragment;
  }

  public String password() {
    return password;
  }

  public IceState state() {
    return state;
  }

  /** The selected tuple, or null (NEW, DISCONNECTED, CLOSED). */
  public InetSocketAddress selectedTuple() {
    return selected == null ? null : selected.address;
  }

  /** Whether {@code address} passed a check and still has consent; media from others is dropped. */
  public boolean isValidTuple(InetSocketAddress address) {
    return find(address) != null;
  }

  /** Number of tuples with consent. */
  public int tupleCount() {
    return tuples.size();
  }

  /**
   * Handles a parsed STUN message that the demux routed here by ufrag.
   *
   * @param req a valid view ({@link StunMessage#parse} returned OK); not retained
   * @return the response to send to {@code remote} — the caller takes ownership and must write or
   *     release it — or null when nothing must be sent
   */
  public ByteBuf handleRequest(StunMessage req, InetSocketAddress remote, ByteBufAllocator alloc,
      long nowMs) {
    if (state == IceState.CLOSED || !req.isValid()
        || req.messageClass() != StunMessageClass.REQUEST) {
      ignored++;
      return null;
    }
    if (req.hasFingerprint() && !req.verifyFingerprint()) {
      malformed++;
      return null; // RFC 8489 §7.3: not a STUN message after all
    }
    if (req.method() != StunMessage.METHOD_BINDING || !req.hasUsername()
        || !req.hasMessageIntegrity()) {
      malformed++;
      return error(req, 400, false, alloc);
    }
    if (!req.usernameFragmentLocalEquals(usernameFragmentBytes)) {
      unknownUsernameFragment++;
      return null;
    }
    if (!req.verifyMessageIntegrity(digest)) {
      badIntegrity++;
      return error(req, 401, false, alloc);
    }
    if (!req.hasPriority()) {
      malformed++;
      return error(req, 400, true, alloc);
    }
    if (req.hasIceControlled()) {
      roleConflicts++;
      return error(req, 487, true, alloc);
    }
    requestsOk++;
    Tuple tuple = onValidCheck(req, remote, nowMs);
    ByteBuf response = alloc.buffer(tuple.ip.length == 4
        ? StunMessageWriter.BINDING_SUCCESS_IPV4_SIZE
        : StunMessageWriter.BINDING_SUCCESS_IPV6_SIZE);
    try {
      writer.beginResponse(response, StunMessageClass.SUCCESS_RESPONSE, req)
          .xorMappedAddress(tuple.ip, remote.getPort())
          .messageIntegrity(passwordBytes)
          .fingerprint()
          .finish();
    } catch (RuntimeException e) {
      response.release();
      throw e;
    }
    return response;
  }

  private ByteBuf error(StunMessage req, int code, boolean integrity, ByteBufAllocator alloc) {
    ByteBuf response = alloc.buffer(StunMessageWriter.bindingErrorSize(code, integrity));
    try {
      writer.writeBindingError(response, req, code, integrity ? passwordBytes : null);
    } catch (RuntimeException e) {
      response.release();
      throw e;
    }
    return response;
  }

  private Tuple onValidCheck(StunMessage req, InetSocketAddress remote, long nowMs) {
    Tuple tuple = find(remote);
    if (tuple == null) {
      tuple = addTuple(remote, nowMs);
    } else {
      tuple.lastValidCheckMs = nowMs;
    }
    boolean nominated = req.hasUseCandidate();
    switch (state) {
      case NEW:
      case DISCONNECTED:
        acceptNomination(req, nominated);
        select(tuple);
        setState(nominated ? IceState.COMPLETED : IceState.CONNECTED);
        break;
      case CONNECTED:
        if (nominated) {
          acceptNomination(req, true);
          select(tuple);
          setState(IceState.COMPLETED);
        }
        break;
      case COMPLETED:
        if (nominated && tuple != selected && acceptNomination(req, true)) {
          select(tuple);
        }
        break;
      default:
        break;
    }
    return tuple;
  }

  /**
   * With libwebrtc renomination a NOMINATION counter orders nominations: an older (lower) one
   * must not undo a newer one. Without the attribute every USE-CANDIDATE counts as newest.
   */
  private boolean acceptNomination(StunMessage req, boolean nominated) {
    if (!nominated || !req.hasNomination()) {
      return true;
    }
    long value = req.nomination();
    if (value < lastNomination) {
      return false;
    }
    lastNomination = value;
    return true;
  }

  private Tuple addTuple(InetSocketAddress remote, long nowMs) {
    if (tuples.size() >= MAX_TUPLES) {
      Tuple oldest = null;
      for (Tuple t : tuples) {
        if (t != selected && (oldest == null || t.lastValidCheckMs < oldest.lastValidCheckMs)) {
          oldest = t;
        }
      }
      removeTuple(oldest);
    }
    Tuple tuple = new Tuple(remote, nowMs);
    tuples.add(tuple);
    listener.onTupleAdded(remote);
    return tuple;
  }

  private void removeTuple(Tuple tuple) {
    tuples.remove(tuple);
    listener.onTupleRemoved(tuple.address);
  }

  private void select(Tuple tuple) {
    if (selected != tuple) {
      selected = tuple;
      listener.onSelectedTupleChange(tuple.address);
    }
  }

  private void setState(IceState newState) {
    if (state != newState) {
      state = newState;
      listener.onStateChange(newState);
    }
  }

  private Tuple find(InetSocketAddress address) {
    for (int i = 0, n = tuples.size(); i < n; i++) {
      Tuple t = tuples.get(i);
      if (t.address.equals(address)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Consent freshness; call periodically (e.g. every second) from the owner's loop. Drops tuples
   * without a valid check for the consent timeout; on losing the selected tuple switches to the
   * freshest remaining one, or goes DISCONNECTED; CLOSED after the disconnected timeout.
   */
  public void tick(long nowMs) {
    if (state == IceState.CLOSED) {
      return;
    }
    boolean selectedExpired = false;
    for (int i = tuples.size() - 1; i >= 0; i--) {
      Tuple t = tuples.get(i);
      if (nowMs - t.lastValidCheckMs >= consentTimeoutMs) {
        if (t == selected) {
          selected = null;
          selectedExpired = true;
        }
        removeTuple(t);
      }
    }
    if (selectedExpired) {
      Tuple freshest = null;
      for (Tuple t : tuples) {
        if (freshest == null || t.lastValidCheckMs > freshest.lastValidCheckMs) {
          freshest = t;
        }
      }
      if (freshest != null) {
        select(freshest);
      } else {
        disconnectedSinceMs = nowMs;
        setState(IceState.DISCONNECTED);
      }
    }
    if (state == IceState.DISCONNECTED && nowMs - disconnectedSinceMs >= disconnectedTimeoutMs) {
      setState(IceState.CLOSED);
    }
  }

  /**
   * ICE restart: new ufrag and password; the old ufrag stops matching at once (the owner remaps
   * the demux from {@link #previousUsernameFragment()} to {@link #usernameFragment()}). State,
   * tuples and the selected tuple are kept, as mediasoup does, so media keeps flowing until the
   * peer's checks with the new credentials arrive.
   */
  public IceParameters restartIce() {
    if (state == IceState.CLOSED) {
      throw new IllegalStateException("ICE agent closed");
    }
    previousUsernameFragment = usernameFragment;
    newCredentials();
    lastNomination = 0;
    return parameters;
  }

  /** Closes the agent: no more answers, tuples forgotten. Fires no events (the owner closes). */
  public void close() {
    state = IceState.CLOSED;
    selected = null;
    tuples.clear();
  }

  public long requestsOk() {
    return requestsOk;
  }

  public long badIntegrity() {
    return badIntegrity;
  }

  public long unknownUsernameFragment() {
    return unknownUsernameFragment;
  }

  public long malformed() {
    return malformed;
  }

  public long roleConflicts() {
    return roleConflicts;
  }

  /** Indications, responses, and anything arriving after close. */
  public long ignored() {
    return ignored;
  }
}
