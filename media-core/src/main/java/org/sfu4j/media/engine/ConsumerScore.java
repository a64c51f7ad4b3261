package org.sfu4j.media.engine;

import java.util.List;

/**
 * mediasoup's {@code ConsumerScore}: the quality of what this consumer delivers ({@code score},
 * from its receiver's reports), of the producer stream it forwards now ({@code producerScore}),
 * and of every producer stream ({@code producerScores}, by encoding index). Each 0..10. Immutable
 * bean for JSON.
 */
public final class ConsumerScore {
  public final int score;
  public final int producerScore;
  public final List<Integer> producerScores;

  public ConsumerScore(int score, int producerScore, List<Integer> producerScores) {
    this.score = score;
    this.producerScore = producerScore;
    this.producerScores = List.copyOf(producerScores);
  }

  @Override
  public String toString() {
    return "ConsumerScore{score=" + score + ", producerScore=" + producerScore
        + ", producerScores=" + producerScores + "}";
  }
}
