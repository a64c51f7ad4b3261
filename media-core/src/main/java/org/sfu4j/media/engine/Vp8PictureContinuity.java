package org.sfu4j.media.engine;

import org.sfu4j.media.codec.Vp8PayloadDescriptor;

/**
 * Keeps a consumer's VP8 picture ids and TL0PICIDX one continuous sequence although it switches
 * simulcast streams and drops whole frames of upper temporal layers.
 *
 * <p>Why: libwebrtc's VP8 reference finder treats a gap in picture ids as frames it has not
 * received yet and holds back frames that might depend on them; a frame the SFU chose not to
 * forward must therefore not leave a hole. Output = input - offset (mod the field width), like
 * {@link org.sfu4j.media.stream.SeqManager}: {@link #dropFrame} shifts the offset once per dropped
 * picture, {@link #sync} re-bases at a stream switch so the next picture follows the last one
 * sent. TL0PICIDX only advances on TL0 frames, which are never dropped, so it is re-based at
 * switches only. Loop-confined, allocation-free.
 */
final class Vp8PictureContinuity {
  private static final int PIC_MASK = 0x7FFF;

  private int picOffset;
  private int tl0Offset;
  /** Highest input picture id seen since the last sync (forwarded or dropped); -1 none. */
  private int maxInputPic = -1;
  private int lastOutPic = -1;
  private int lastOutTl0 = -1;
  private boolean syncPending = true;

  /** The next forwarded packet starts a new stream: re-base on it (call before {@link #rewrite}). */
  void requestSync() {
    syncPending = true;
  }

  /** A frame of {@code in} (parsed input) is not forwarded: close the picture-id hole it leaves. */
  void dropFrame(Vp8PayloadDescriptor in) {
    int pic = in.pictureId();
    if (pic < 0 || syncPending || maxInputPic < 0) {
      return;
    }
    int mask = in.hasLongPictureId() ? PIC_MASK : 0x7F;
    if (isNewer(pic, maxInputPic, mask)) {
      picOffset = (picOffset + 1) & PIC_MASK;
      maxInputPic = pic;
    }
  }

  /** Rewrites picture id and TL0PICIDX of the outbound copy {@code out} (parsed over it). */
  void rewrite(Vp8PayloadDescriptor out) {
    int pic = out.pictureId();
    int tl0 = out.tl0PicIdx();
    int mask = out.hasLongPictureId() ? PIC_MASK : 0x7F;
    if (syncPending) {
      picOffset = pic < 0 || lastOutPic < 0 ? 0 : (pic - (lastOutPic + 1)) & PIC_MASK;
      tl0Offset = tl0 < 0 || lastOutTl0 < 0 ? 0 : (tl0 - (lastOutTl0 + 1)) & 0xFF;
      maxInputPic = pic < 0 ? -1 : (pic - 1) & mask;
      syncPending = false;
    }
    if (pic >= 0) {
      int outPic = (pic - picOffset) & mask;
      out.setPictureId(outPic);
      if (maxInputPic < 0 || isNewer(pic, maxInputPic, mask)) {
        maxInputPic = pic;
      }
      if (lastOutPic < 0 || isNewer(outPic, lastOutPic, mask)) {
        lastOutPic = outPic;
      }
    }
    if (tl0 >= 0) {
      int outTl0 = (tl0 - tl0Offset) & 0xFF;
      out.setTl0PicIdx(outTl0);
      if (lastOutTl0 < 0 || isNewer(outTl0, lastOutTl0, 0xFF)) {
        lastOutTl0 = outTl0;
      }
    }
  }

  private static boolean isNewer(int a, int b, int mask) {
    int d = (a - b) & mask;
    return d != 0 && d <= (mask >>> 1);
  }
}
