/**
 * Launching Debian's Chromium through playwright-core (never a downloaded browser) with fake media
 * and every background network feature off, plus small helpers shared by the scenario runner and
 * the self-test. playwright's launch() gives every run a fresh temporary --user-data-dir.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags from the machine notes and issue 10, plus what WebRTC in a headless netns needs. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  // Real host candidates (10.99.0.x) instead of mDNS names: nothing resolves .local in the netns.
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  // Remote <audio> must play without a user gesture, or totalSamplesReceived never moves.
  '--autoplay-policy=no-user-gesture-required',
  // Several pages decode at once; none of them may be throttled as a background tab.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // Keep all three simulcast layers even for a 640x360 camera (libwebrtc trims layers by resolution).
  '--force-fieldtrials=WebRTC-LegacySimulcastLayerLimit/Disabled/',
];

/** Fails loudly (never skips) when the browser is missing. */
export function assertChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
}

/**
 * @param {string} [secureOrigin] http origin (e.g. http://10.99.0.1:4443) to treat as secure: pages
 *   served from the namespace address are not localhost, and getUserMedia needs a secure context.
 */
export async function launchChromium({ secureOrigin, extraArgs = [] } = {}) {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(secureOrigin ? [`--unsafely-treat-insecure-origin-as-secure=${secureOrigin}`] : []), ...extraArgs],
    timeout: 60_000,
  });
}

/**
 * Polls `probe` (async, returns a snapshot) until `check(snapshot)` returns true, or the deadline
 * passes: then throws with `what` and the last snapshot seen, so a failure shows the numbers.
 * check may also return a string: a progress note kept for the failure message.
 */
export async function pollUntil(what, probe, check, { timeoutMs = 10_000, intervalMs = 250 } = {}) {
  const start = Date.now();
  let last;
  let lastErr;
  for (;;) {
    try {
      last = await probe();
      lastErr = undefined;
      if (check(last) === true) return { value: last, elapsedMs: Date.now() - start };
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() - start > timeoutMs) {
      const seen = lastErr ? `probe error: ${lastErr.message}` : JSON.stringify(last);
      const err = new Error(`deadline ${timeoutMs} ms passed waiting for: ${what}\n  last seen: ${seen}`);
      err.lastSeen = last;
      throw err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
