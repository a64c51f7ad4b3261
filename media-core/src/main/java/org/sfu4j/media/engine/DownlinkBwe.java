package org.sfu4j.media.engine;

/**
 * One downlink bandwidth report of a transport (mediasoup's {@code trace} "bwe" / the
 * {@code downlinkBwe} notification): what its consumers would send with their preferred layers,
 * what they send with the layers the estimate allows, and the estimate itself, all in bps.
 */
public record DownlinkBwe(long desiredBitrate, long effectiveDesiredBitrate,
    long availableBitrate) {}
