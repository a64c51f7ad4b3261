/**
 * The narrow engine seam signaling talks to. It mirrors the media-core API (Worker, Router,
 * Transport, Producer, Consumer, Router.consumeWhenProduced) with ORTC payloads as Jackson trees,
 * so the protocol layer is written and tested once and the engine adapter is a thin mapping.
 * Futures may complete on any thread and listeners may fire on any thread: signaling hops to its
 * own executor before touching room state.
 */
package org.sfu4j.signaling.media;
