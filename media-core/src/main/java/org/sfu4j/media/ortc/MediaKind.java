package org.sfu4j.media.ortc;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of a track, a codec or a header extension; JSON "audio" / "video" as in mediasoup. */
public enum MediaKind {
  @JsonProperty("audio")
  AUDIO("audio"),
  @JsonProperty("video")
  VIDEO("video");

  private final String value;

  MediaKind(String value) {
    this.value = value;
  }

  /** The JSON / mime type prefix spelling ("audio", "video"). */
  public String value() {
    return value;
  }

  /**
   * The kind of a mime type such as "video/VP8" (case-insensitive prefix), or null when the mime
   * type is not of the form audio/x or video/x.
   */
  public static MediaKind ofMimeType(String mimeType) {
    if (mimeType == null) {
      return null;
    }
    int slash = mimeType.indexOf('/');
    if (slash <= 0 || slash == mimeType.length() - 1) {
      return null;
    }
    String prefix = mimeType.substring(0, slash);
    if (prefix.equalsIgnoreCase("audio")) {
      return AUDIO;
    }
    if (prefix.equalsIgnoreCase("video")) {
      return VIDEO;
    }
    return null;
  }

  @Override
  public String toString() {
    return value;
  }
}
