package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NACK/RTX over real UDP (ICE, DTLS, SRTP on 127.0.0.1): A → relay (seeded loss of RTP/RTCP both
 * ways) → SFU → relay (same) → B. The SFU NACKs upstream and repairs from A's RTX, and answers
 * B's NACKs with RTX from the consumer's retransmission buffer. Unrecovered loss at B is what B
 * never got (original or repair) within 1 s.
 */
class LossRecoveryUdpTest {

  @Test
  void tenPercentLossIsRepairedAndThirtyPercentRequestsKeyFrames() throws Exception {
    double[] ten = run(0.10, 42, true, 8000);
    assertTrue(ten[0] < 0.5, "unrecovered at 10% loss must be < 0.5%, was " + ten[0] + "%");
    double[] thirty = run(0.30, 43, true, 8000);
    assertTrue(thirty[0] < 5, "unrecovered at 30% loss, was " + thirty[0] + "%");
    // A ignores NACKs: upstream repair is impossible, the SFU's NACK generator gives up on the
    // missing packets and asks for key frames instead (one PLI is the consumer's start).
    double[] noRtx = run(0.10, 44, false, 3000);
    assertTrue(noRtx[1] >= 2, "key frames requested when repair is impossible: " + noRtx[1]);
  }

  /** Returns {unrecovered %, PLIs/FIRs A received}. */
  private static double[] run(double loss, long seed, boolean rtx, long lossMs) throws Exception {
    try (QualityUdpRig rig = new QualityUdpRig(seed)) {
      rig.produceAndConsume(1);
      MediaReceiver rx = new MediaReceiver(rig.b, rig.consumerSsrc, rig.consumerRtxSsrc,
          rig.consumerTwccId, true).start();
      MediaSender tx = new MediaSender(rig.a, new long[] {QualityUdpRig.SSRCS[0]},
          new long[] {QualityUdpRig.RTX_SSRCS[0]}, new long[] {1_000_000}).start();
      Thread.sleep(800); // first key frame through, consumer forwarding
      tx.answerNacks = rtx;
      rig.relayA.setLoss(loss, loss);
      rig.relayB.setLoss(loss, loss);
      Thread.sleep(lossMs);
      rig.relayA.setLoss(0, 0);
      rig.relayB.setLoss(0, 0);
      Thread.sleep(300);
      tx.stop();
      Thread.sleep(1200); // last repairs
      rx.stop();
      long[] lf = rx.lossFigures();
      double unrecovered = 100.0 * lf[1] / Math.max(1, lf[0]);
      List<Map<String, Object>> cs = WebRtcFixture.get(rig.consumer.getStats());
      List<Map<String, Object>> ps = WebRtcFixture.get(rig.producer.getStats());
      System.out.printf("[loss %.0f%%%s] A sent %d media, relay A dropped %d/%d up %d/%d down; "
          + "SFU NACKed %d seqs upstream, A sent %d RTX, PLI/FIR at A %d (key frames %d); "
          + "relay B dropped %d/%d down %d/%d up; B NACKs %d, SFU retransmitted %s, "
          + "B got %d originals + %d repairs; unrecovered %d of %d = %.3f%%; producer %s%n",
          loss * 100, rtx ? "" : ", A ignores NACKs", tx.packetsSent.get(), rig.relayA.droppedToServer.get(),
          rig.relayA.mediaToServer.get(), rig.relayA.droppedToPeer.get(),
          rig.relayA.mediaToPeer.get(), tx.nackedSeqs.get(), tx.rtxSent.get(),
          tx.plisReceived.get(), tx.keyFramesSent.get(), rig.relayB.droppedToPeer.get(),
          rig.relayB.mediaToPeer.get(), rig.relayB.droppedToServer.get(),
          rig.relayB.mediaToServer.get(), rx.nacksSent.get(),
          cs.get(0).get("retransmittedPacketCount"), rx.mediaPackets.get(), rx.rtxRepairs.get(),
          lf[1], lf[0], unrecovered, ps.get(0));
      return new double[] {unrecovered, tx.plisReceived.get()};
    }
  }
}
