/**
 * Real-browser scenarios of issue 10: headless Chromium pages running mediasoup-client (the bundled
 * static/e2e.html page, driven through window.e2e) publish and consume through the sfu4j daemon.
 * Every wait polls a condition against a deadline and, when the deadline passes, prints the stats
 * last seen. Assertions read RTCPeerConnection.getStats() in the pages and the daemon's /metrics.
 *
 * Run only through the namespace runner (it starts the daemon and refuses to run elsewhere):
 *   bash e2e/run-in-netns.sh [--only 1,3] -- java -jar sfu-daemon/target/sfu4j.jar
 * Options: --base URL (set by the runner), --only 1,2 (scenario numbers), --list.
 * Output: one `E2E <name> PASS|FAIL (reason)` line per scenario, then `N passed, N failed`;
 * exit status 1 when any scenario failed.
 */
import { launchChromium, pollUntil, sleep } from './lib/browser.mjs';
import { assertInTestNetns } from './lib/netns.mjs';

const VERBOSE = process.env.E2E_VERBOSE === '1';
const SCENARIO_TIMEOUT_MS = Number(process.env.E2E_SCENARIO_TIMEOUT_MS || 120_000);
const GAUGES = ['sfu4j_rooms', 'sfu4j_peers', 'sfu4j_transports', 'sfu4j_producers', 'sfu4j_consumers', 'sfu4j_pending_consumers'];

// ------------------------------------------------------------------------------------------------
// plumbing
// ------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const out = { base: null, only: null, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base') out.base = argv[++i];
    else if (a.startsWith('--base=')) out.base = a.slice(7);
    else if (a === '--only') out.only = argv[++i];
    else if (a.startsWith('--only=')) out.only = a.slice(7);
    else if (a === '--list') out.list = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (out.only) out.only = new Set(out.only.split(',').map((x) => Number(x.trim())));
  return out;
}

class AssertionFailure extends Error {}

function check(cond, message) {
  if (!cond) throw new AssertionFailure(message);
}

/** Prometheus text -> {metricName: sum over all label sets}. */
export function parseMetrics(text) {
  const out = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const v = Number(m[3]);
    if (Number.isNaN(v)) continue;
    out[m[1]] = (out[m[1]] || 0) + v;
  }
  return out;
}

/** The six object-count gauges of the daemon; a missing one is an error. */
async function counts(base) {
  const res = await fetch(`${base}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  const all = parseMetrics(await res.text());
  const out = {};
  for (const g of GAUGES) {
    if (!(g in all)) throw new Error(`${g} missing from /metrics`);
    out[g.replace('sfu4j_', '')] = all[g];
  }
  return out;
}

/** sfu4j_transports by its state label (ICE/DTLS of the real WebRtcTransports). */
async function transportStates(base) {
  const res = await fetch(`${base}/metrics`);
  const out = {};
  for (const line of (await res.text()).split('\n')) {
    const m = /^sfu4j_transports\{state="([a-z]+)"\}\s+(\S+)/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

function diff(now, base) {
  const out = {};
  for (const k of Object.keys(now)) out[k] = now[k] - (base[k] || 0);
  return out;
}

function sameCounts(a, b, keys) {
  return keys.every((k) => a[k] === b[k]);
}

const uid = () => Math.random().toString(36).slice(2, 8);

/** One browser peer: its own context (own camera/mic, own cookies) and one e2e.html page. */
class Peer {
  constructor(ctx, name) {
    this.ctx = ctx;
    this.name = name;
    this.browser = ctx.browser;
    this.page = null;
    this.context = null;
    this.peerId = null;
    this.roomId = null;
  }

  async open() {
    this.context = await this.browser.newContext();
    this.page = await this.context.newPage();
    this._wire(this.page);
    await this.page.goto(`${this.ctx.base}/e2e.html`);
    await this.page.waitForFunction(() => window.e2e && window.e2e.ready, null, { timeout: 10_000 });
    return this;
  }

  _wire(page) {
    page.on('console', (m) => {
      if (VERBOSE || m.type() === 'error' || m.type() === 'warning') this.ctx.log(`[${this.name} ${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => this.ctx.log(`[${this.name} pageerror] ${e.message}`));
    page.on('crash', () => this.ctx.log(`[${this.name}] PAGE CRASHED`));
  }

  async start({ roomId, peerId, subscribe = 'auto', send = true, recv = true }) {
    this.roomId = roomId;
    this.peerId = peerId;
    return this.page.evaluate((o) => window.e2e.start(o), { roomId, peerId, subscribe, send, recv });
  }

  publish(opts) { return this.page.evaluate((o) => window.e2e.publish(o), opts); }
  consume(opts) { return this.page.evaluate((o) => window.e2e.consume(o), opts); }
  stats() { return this.page.evaluate(() => window.e2e.stats()); }
  pauseConsumer(id) { return this.page.evaluate((i) => window.e2e.pauseConsumer(i), id); }
  resumeConsumer(id) { return this.page.evaluate((i) => window.e2e.resumeConsumer(i), id); }
  setPreferredLayers(id, s, t) { return this.page.evaluate(([i, a, b]) => window.e2e.setPreferredLayers(i, a, b), [id, s, t]); }
  restartIce(dir) { return this.page.evaluate((d) => window.e2e.restartIce(d), dir); }
  closeProducer(kindOrId) { return this.page.evaluate((k) => window.e2e.closeProducer(k), kindOrId); }
  leave() { return this.page.evaluate(() => window.e2e.leave()); }

  /** Reloads the page (the old socket goes away with the old document) and waits for window.e2e. */
  async reload() {
    await this.page.reload();
    await this.page.waitForFunction(() => window.e2e && window.e2e.ready, null, { timeout: 10_000 });
  }

  async close() {
    if (this.context) await this.context.close().catch(() => {});
    this.context = null;
  }
}

/** The video (or audio) consumer a viewer has for a given publisher, from a stats() snapshot. */
function consumerOf(stats, fromPeerId, kind = 'video') {
  return (stats.consumers || []).find((c) => c.kind === kind && c.peerId === fromPeerId);
}

function decoding(stats, fromPeerId, minFrames = 10) {
  const v = consumerOf(stats, fromPeerId, 'video');
  return !!v && v.framesDecoded >= minFrames && v.frameWidth > 0;
}

function hearing(stats, fromPeerId) {
  const a = consumerOf(stats, fromPeerId, 'audio');
  return !!a && a.packetsReceived > 0 && a.totalSamplesReceived > 0;
}

/** Short, readable form of a stats snapshot for progress lines. */
function brief(stats) {
  return (stats.consumers || []).map((c) => (c.kind === 'video'
    ? `${c.peerId}/video frames=${c.framesDecoded} ${c.frameWidth}x${c.frameHeight} lost=${c.packetsLost}`
    : `${c.peerId}/audio pkts=${c.packetsReceived} samples=${c.totalSamplesReceived} lost=${c.packetsLost}`)).join('; ') || 'no consumers';
}

// ------------------------------------------------------------------------------------------------
// scenarios
// ------------------------------------------------------------------------------------------------

/** 1. VP8 3-layer simulcast + opus; viewers (one joined before, one after) decode and hear in 10 s. */
async function publishVp8SimulcastAndOpus(ctx) {
  const room = `s1-${uid()}`;
  const m0 = await counts(ctx.base);
  const st0 = await transportStates(ctx.base);
  const pub = await ctx.peer('pub');
  const early = await ctx.peer('early');
  // The late viewer's page is loaded up front (browser work, seconds on a busy 2-core machine);
  // it joins the room only after the publish, so the 10 s budget measures the SFU, not page loads.
  const late = await ctx.peer('late');
  await pub.start({ roomId: room, peerId: 'pub' });
  await early.start({ roomId: room, peerId: 'early' });
  const t0 = Date.now();
  const produced = await pub.publish({ video: 'VP8', audio: true });
  ctx.log(`published ${JSON.stringify(produced)}`);
  check(produced.videoEncodings.length === 3, `expected 3 simulcast encodings, got ${produced.videoEncodings}`);
  await late.start({ roomId: room, peerId: 'late' });
  const remaining = () => Math.max(1000, 10_000 - (Date.now() - t0));
  for (const v of [early, late]) {
    const { value, elapsedMs } = await pollUntil(`${v.name} decodes pub's video and receives its audio (10 s after publish)`,
      () => v.stats(), (s) => decoding(s, 'pub') && hearing(s, 'pub'), { timeoutMs: remaining() });
    ctx.log(`${v.name} decoding + hearing ${Date.now() - t0} ms after publish (poll ${elapsedMs} ms): ${brief(value)}`);
  }
  const ps = await pub.stats();
  ctx.log(`publisher outbound: ${JSON.stringify(ps.producers.map((p) => p.outbound))}`);
  // mediasoup's score events: producer streams are scored from 0 at their first RTCP report, and
  // each consumer hears its producer's score (mediasoup-demo shows both).
  const { value: scored } = await pollUntil('producerScore to the publisher and consumerScore to a viewer',
    () => Promise.all([pub.stats(), early.stats()]),
    ([p, e]) => (p.notificationCounts.producerScore || 0) >= 1 && (e.notificationCounts.consumerScore || 0) >= 1,
    { timeoutMs: 8000 });
  ctx.log(`score notifications: pub ${scored[0].notificationCounts.producerScore}, early ${scored[1].notificationCounts.consumerScore}`);
  await pollUntil('daemon counts: +1 room, +3 peers, +6 transports, +2 producers, +4 consumers',
    () => counts(ctx.base).then((m) => diff(m, m0)),
    (d) => d.rooms === 1 && d.peers === 3 && d.transports === 6 && d.producers === 2 && d.consumers === 4 && d.pending_consumers === 0,
    { timeoutMs: 5000 });
  // pub's send and the viewers' recv transports carry media; the other three were never used.
  const s0 = await transportStates(ctx.base);
  const { value: states } = await pollUntil('/metrics transports by state: 3 more connected, 3 more new',
    () => transportStates(ctx.base), (st) => st.connected - (st0.connected || 0) === 3 && st.new - (st0.new || 0) === 3,
    { timeoutMs: 5000 }).catch((e) => { throw new AssertionFailure(`${e.message} (first seen ${JSON.stringify(s0)})`); });
  return `both viewers decode + hear within 10 s; simulcast rids ${produced.videoEncodings}; transports ${JSON.stringify(states)}`;
}

/** 2. Manual subscriber asks for `webcam` before the publisher exists; decodes when it publishes. */
async function consumeBeforeProduce(ctx) {
  const room = `s2-${uid()}`;
  const m0 = await counts(ctx.base);
  const viewer = await ctx.peer('viewer');
  await viewer.start({ roomId: room, peerId: 'viewer', subscribe: 'manual' });
  const pend = await viewer.consume({ peerId: 'pub', source: 'webcam' });
  check(pend.pending === true && pend.pendingId !== undefined, `consume before produce must be pending, got ${JSON.stringify(pend)}`);
  await pollUntil('pending consumer visible in /metrics', () => counts(ctx.base).then((m) => diff(m, m0)),
    (d) => d.pending_consumers === 1, { timeoutMs: 3000 });
  const pub = await ctx.peer('pub');
  await pub.start({ roomId: room, peerId: 'pub' });
  await pub.publish({ video: 'VP8', audio: true });
  const { value, elapsedMs } = await pollUntil('viewer decodes the webcam it asked for, without asking again',
    () => viewer.stats(), (s) => decoding(s, 'pub') && consumerOf(s, 'pub').pendingId === pend.pendingId,
    { timeoutMs: 10_000 });
  ctx.log(`viewer decoding after ${elapsedMs} ms: ${brief(value)}`);
  await sleep(1000);
  const after = await viewer.stats();
  check(after.consumers.length === 1, `manual subscriber must get only the webcam, has ${brief(after)}`);
  check(after.pending.length === 0, `pending request still listed: ${after.pending}`);
  await pollUntil('pending consumer gone from /metrics once fulfilled', () => counts(ctx.base).then((m) => diff(m, m0)),
    (d) => d.pending_consumers === 0 && d.consumers === 1, { timeoutMs: 3000 });
  return `pending ${pend.pendingId} fulfilled, decoding after ${elapsedMs} ms, no mic consumer`;
}

/** 3. Five viewers; pause/resume on one; preferred spatial layer lowers then raises frameWidth. */
async function fiveViewersPauseResumeLayers(ctx) {
  const room = `s3-${uid()}`;
  const pub = await ctx.peer('pub');
  await pub.start({ roomId: room, peerId: 'pub' });
  const produced = await pub.publish({ video: 'VP8', audio: false });
  const srcWidth = produced.videoSettings.width;
  const lowWidth = Math.floor(srcWidth / 4);
  const viewers = [];
  for (let i = 1; i <= 5; i++) {
    const v = await ctx.peer(`v${i}`);
    await v.start({ roomId: room, peerId: `v${i}` });
    viewers.push(v);
  }
  await pollUntil('all five viewers decode', () => Promise.all(viewers.map((v) => v.stats())),
    (all) => all.every((s) => decoding(s, 'pub')), { timeoutMs: 20_000 });
  ctx.log('all five viewers decoding');

  // pause / resume on v1 (server side only: the local receiver stays untouched)
  const [v1, v2, v3] = viewers;
  const vid1 = consumerOf(await v1.stats(), 'pub').id;
  await v1.pauseConsumer(vid1);
  await sleep(1000); // frames already in flight may still decode
  const p1 = consumerOf(await v1.stats(), 'pub');
  const o1 = consumerOf(await v2.stats(), 'pub');
  await sleep(2000);
  const p2 = consumerOf(await v1.stats(), 'pub');
  const o2 = consumerOf(await v2.stats(), 'pub');
  ctx.log(`paused v1: frames ${p1.framesDecoded} -> ${p2.framesDecoded} in 2 s; v2 ${o1.framesDecoded} -> ${o2.framesDecoded}`);
  check(p2.framesDecoded - p1.framesDecoded <= 1, `paused consumer still decodes: ${p1.framesDecoded} -> ${p2.framesDecoded} in 2 s`);
  check(o2.framesDecoded - o1.framesDecoded >= 20, `unpaused viewer v2 stalled too (${o1.framesDecoded} -> ${o2.framesDecoded}): publisher problem`);
  await v1.resumeConsumer(vid1);
  const { elapsedMs: resumeMs } = await pollUntil('v1 decodes again after resume, starting from a new key frame',
    () => v1.stats(), (s) => {
      const c = consumerOf(s, 'pub');
      return c.framesDecoded >= p2.framesDecoded + 15 && c.keyFramesDecoded > p2.keyFramesDecoded;
    }, { timeoutMs: 5000 });
  ctx.log(`v1 resumed after ${resumeMs} ms`);

  // preferred layers on v3
  const vid3 = consumerOf(await v3.stats(), 'pub').id;
  const { value: hi } = await pollUntil(`v3 receives a layer above the lowest (frameWidth > ${lowWidth})`,
    () => v3.stats(), (s) => consumerOf(s, 'pub').frameWidth > lowWidth, { timeoutMs: 20_000 });
  const w0 = consumerOf(hi, 'pub').frameWidth;
  await v3.setPreferredLayers(vid3, 0, 2);
  const { elapsedMs: downMs } = await pollUntil(`v3 frameWidth drops from ${w0} to the lowest layer (${lowWidth})`,
    () => v3.stats(), (s) => consumerOf(s, 'pub').frameWidth === lowWidth, { timeoutMs: 10_000 });
  const others = await v2.stats();
  check(consumerOf(others, 'pub').frameWidth > lowWidth, `v2 dropped too (${consumerOf(others, 'pub').frameWidth}): layer choice is not per consumer`);
  await v3.setPreferredLayers(vid3, 2, 2);
  const { value: up, elapsedMs: upMs } = await pollUntil(`v3 frameWidth rises above ${lowWidth} again`,
    () => v3.stats(), (s) => consumerOf(s, 'pub').frameWidth > lowWidth, { timeoutMs: 15_000 });
  return `pause stops frames, resume in ${resumeMs} ms; layers ${w0} -> ${lowWidth} in ${downMs} ms -> ${consumerOf(up, 'pub').frameWidth} in ${upMs} ms`;
}

/** 4. Producer closed, then publisher leaves: consumerClosed/peerClosed; counts back to zero. */
async function closeProducerThenLeave(ctx) {
  const room = `s4-${uid()}`;
  const m0 = await counts(ctx.base);
  const pub = await ctx.peer('pub');
  const a = await ctx.peer('a');
  const b = await ctx.peer('b');
  await pub.start({ roomId: room, peerId: 'pub' });
  await a.start({ roomId: room, peerId: 'a' });
  await b.start({ roomId: room, peerId: 'b' });
  await pub.publish({ video: 'VP8', audio: true });
  const viewers = [a, b];
  await pollUntil('both viewers decode and hear', () => Promise.all(viewers.map((v) => v.stats())),
    (all) => all.every((s) => decoding(s, 'pub') && hearing(s, 'pub')), { timeoutMs: 10_000 });
  const ids = {};
  for (const v of viewers) {
    const s = await v.stats();
    ids[v.name] = { video: consumerOf(s, 'pub', 'video').id, audio: consumerOf(s, 'pub', 'audio').id };
  }
  await pub.closeProducer('video');
  await pollUntil('viewers get consumerClosed for the video consumer (audio stays)', () => Promise.all(viewers.map((v) => v.stats())),
    (all) => all.every((s, i) => {
      const mine = ids[viewers[i].name];
      return s.closedConsumers.some((c) => c.consumerId === mine.video) && s.consumers.some((c) => c.id === mine.audio);
    }), { timeoutMs: 5000 });
  await pollUntil('daemon: one producer and two consumers left', () => counts(ctx.base).then((m) => diff(m, m0)),
    (d) => d.producers === 1 && d.consumers === 2, { timeoutMs: 3000 });
  await pub.leave();
  await pollUntil('viewers get peerClosed for pub and consumerClosed for its audio', () => Promise.all(viewers.map((v) => v.stats())),
    (all) => all.every((s, i) => (s.notificationCounts.peerClosed || 0) >= 1 && !s.peers.includes('pub')
      && s.closedConsumers.some((c) => c.consumerId === ids[viewers[i].name].audio) && s.consumers.length === 0),
    { timeoutMs: 5000 });
  await pollUntil('daemon: no producers/consumers, two peers', () => counts(ctx.base).then((m) => diff(m, m0)),
    (d) => d.producers === 0 && d.consumers === 0 && d.peers === 2, { timeoutMs: 3000 });
  await a.leave();
  await b.leave();
  const { value } = await pollUntil('every daemon object count back to zero after everyone left', () => counts(ctx.base),
    (m) => GAUGES.every((g) => m[g.replace('sfu4j_', '')] === 0), { timeoutMs: 5000 });
  return `consumerClosed + peerClosed seen; counts ${JSON.stringify(value)}${GAUGES.some((g) => m0[g.replace('sfu4j_', '')]) ? ` (baseline was ${JSON.stringify(m0)})` : ''}`;
}

/** 5. A viewer reconnects with the same peerId five times; decodes each time; no accumulation. */
async function reloadFiveTimes(ctx) {
  const room = `s5-${uid()}`;
  const m0 = await counts(ctx.base);
  const pub = await ctx.peer('pub');
  await pub.start({ roomId: room, peerId: 'pub' });
  await pub.publish({ video: 'VP8', audio: true });
  let viewer = await ctx.peer('viewer');
  await viewer.start({ roomId: room, peerId: 'viewer' });
  await pollUntil('viewer decodes', () => viewer.stats(), (s) => decoding(s, 'pub') && hearing(s, 'pub'), { timeoutMs: 10_000 });
  const { value: steady } = await pollUntil('steady counts: 2 peers, 4 transports, 2 producers, 2 consumers',
    () => counts(ctx.base).then((m) => diff(m, m0)),
    (d) => d.peers === 2 && d.transports === 4 && d.producers === 2 && d.consumers === 2, { timeoutMs: 5000 });
  const seen = [];
  for (let cycle = 1; cycle <= 5; cycle++) {
    if (cycle % 2 === 1) {
      // a page reload: the old document's socket closes, the new one joins with the same peerId
      await viewer.reload();
    } else {
      // a second tab with the same peerId while the old one is still connected: the server replaces it
      const old = viewer;
      viewer = await ctx.peer(`viewer#${cycle}`);
      viewer.ctxCloseAfter = old;
    }
    await viewer.start({ roomId: room, peerId: 'viewer' });
    if (viewer.ctxCloseAfter) {
      await pollUntil('the replaced socket is closed by the server', () => viewer.ctxCloseAfter.stats(), (s) => s.socketClosed === true, { timeoutMs: 5000 });
    }
    const { elapsedMs } = await pollUntil(`cycle ${cycle}: viewer decodes again`, () => viewer.stats(),
      (s) => decoding(s, 'pub') && hearing(s, 'pub'), { timeoutMs: 10_000 });
    if (viewer.ctxCloseAfter) { await viewer.ctxCloseAfter.close(); viewer.ctxCloseAfter = null; }
    const { value: d } = await pollUntil(`cycle ${cycle}: transports/consumers/peers back to the steady counts`,
      () => counts(ctx.base).then((m) => diff(m, m0)),
      (x) => sameCounts(x, steady, ['peers', 'transports', 'producers', 'consumers', 'pending_consumers']), { timeoutMs: 5000 });
    seen.push(elapsedMs);
    ctx.log(`cycle ${cycle} (${cycle % 2 ? 'reload' : 'replace'}): decoding after ${elapsedMs} ms, counts ${JSON.stringify(d)}`);
  }
  const ps = await pub.stats();
  check(ps.peers.filter((p) => p === 'viewer').length <= 1, `publisher sees duplicate viewer peers: ${ps.peers}`);
  return `5 reconnects (3 reloads, 2 replacements) decode again in ${seen.join('/')} ms; counts steady ${JSON.stringify(steady)}`;
}

/** 6. H264 (packetization-mode 1) and VP9 publishing, each consumed by another page. */
async function h264AndVp9(ctx) {
  const notes = [];
  for (const codec of ['H264', 'VP9']) {
    const room = `s6-${codec}-${uid()}`;
    const pub = await ctx.peer(`pub-${codec}`);
    await pub.start({ roomId: room, peerId: 'pub' });
    const produced = await pub.publish({ video: codec, audio: false });
    check(produced.videoCodec.toLowerCase() === `video/${codec.toLowerCase()}`, `${codec} publisher produced ${produced.videoCodec}`);
    const viewer = await ctx.peer(`viewer-${codec}`);
    await viewer.start({ roomId: room, peerId: 'viewer' });
    const { value, elapsedMs } = await pollUntil(`viewer decodes ${codec}`, () => viewer.stats(),
      (s) => decoding(s, 'pub') && (consumerOf(s, 'pub').mimeType || '').toLowerCase() === `video/${codec.toLowerCase()}`,
      { timeoutMs: 10_000 });
    const c = consumerOf(value, 'pub');
    notes.push(`${codec} ${c.frameWidth}x${c.frameHeight} in ${elapsedMs} ms (${c.decoderImplementation})`);
    await pub.close();
    await viewer.close();
  }
  return notes.join('; ');
}

/** 7. ICE restart of the viewer's receive transport keeps frames flowing. */
async function iceRestart(ctx) {
  const room = `s7-${uid()}`;
  const pub = await ctx.peer('pub');
  await pub.start({ roomId: room, peerId: 'pub' });
  await pub.publish({ video: 'VP8', audio: true });
  const viewer = await ctx.peer('viewer');
  await viewer.start({ roomId: room, peerId: 'viewer' });
  await pollUntil('viewer decodes', () => viewer.stats(), (s) => decoding(s, 'pub'), { timeoutMs: 10_000 });
  const notes = [];
  for (let round = 1; round <= 2; round++) {
    const before = await viewer.stats();
    const ufragBefore = before.transports.recv.iceLocalUsernameFragment;
    const framesBefore = consumerOf(before, 'pub').framesDecoded;
    const ice = await viewer.restartIce('recv');
    check(ice.usernameFragment && ice.usernameFragment !== undefined, 'restartIce returned no usernameFragment');
    const t0 = Date.now();
    const { value } = await pollUntil(`round ${round}: new local ICE credentials in use, transport connected, 60 more frames`,
      () => viewer.stats(), (s) => {
        const c = consumerOf(s, 'pub');
        const t = s.transports.recv;
        const ufragChanged = ufragBefore === undefined || t.iceLocalUsernameFragment !== ufragBefore;
        return ufragChanged && t.connectionState === 'connected' && c.framesDecoded >= framesBefore + 60 && Date.now() - t0 >= 2000;
      }, { timeoutMs: 12_000 });
    const t = value.transports.recv;
    notes.push(`round ${round}: server ufrag ${ice.usernameFragment}, local ufrag ${ufragBefore} -> ${t.iceLocalUsernameFragment}, `
      + `frames ${framesBefore} -> ${consumerOf(value, 'pub').framesDecoded}, pair ${JSON.stringify(t.selectedPair)}`);
    ctx.log(notes[notes.length - 1]);
  }
  return notes.join('; ');
}

const SCENARIOS = [
  { id: 1, name: 'vp8-simulcast-and-opus', fn: publishVp8SimulcastAndOpus },
  { id: 2, name: 'consume-before-produce', fn: consumeBeforeProduce },
  { id: 3, name: 'five-viewers-pause-resume-layers', fn: fiveViewersPauseResumeLayers },
  { id: 4, name: 'close-producer-then-leave', fn: closeProducerThenLeave },
  { id: 5, name: 'reconnect-same-peer-five-times', fn: reloadFiveTimes },
  { id: 6, name: 'h264-and-vp9', fn: h264AndVp9 },
  { id: 7, name: 'ice-restart', fn: iceRestart },
];

// ------------------------------------------------------------------------------------------------
// runner
// ------------------------------------------------------------------------------------------------

async function runScenario(sc, base) {
  const tag = `[s${sc.id} ${sc.name}]`;
  const t0 = Date.now();
  const log = (msg) => console.log(`${tag} +${((Date.now() - t0) / 1000).toFixed(1)}s ${msg}`);
  let browser;
  const peers = [];
  const ctx = {
    base,
    log,
    async peer(name) {
      const p = new Peer({ browser, base, log }, name);
      peers.push(p);
      return p.open();
    },
  };
  let timer;
  try {
    browser = await launchChromium({ secureOrigin: new URL(base).origin });
    log(`chromium ${browser.version()} launched`);
    const note = await Promise.race([
      sc.fn(ctx),
      new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`scenario exceeded ${SCENARIO_TIMEOUT_MS} ms`)), SCENARIO_TIMEOUT_MS); }),
    ]);
    return { ok: true, reason: `${note}; ${((Date.now() - t0) / 1000).toFixed(1)} s` };
  } catch (e) {
    log(`FAILED: ${e.message}`);
    if (!(e instanceof AssertionFailure) && !e.message.startsWith('deadline')) log(e.stack);
    for (const p of peers) {
      if (!p.context) continue;
      try {
        const s = await p.stats();
        log(`final stats of ${p.name}: ${JSON.stringify(s)}`);
      } catch { /* page gone */ }
    }
    return { ok: false, reason: e.message.split('\n')[0] };
  } finally {
    clearTimeout(timer);
    for (const p of peers) await p.close();
    if (browser) await browser.close().catch(() => {});
    // let the daemon see the sockets close before the next scenario takes its baseline
    await pollUntil('daemon back to no peers after the scenario', () => counts(base), (m) => m.peers === 0, { timeoutMs: 5000 })
      .catch((e) => log(`warning: ${e.message.split('\n')[0]}`));
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    for (const s of SCENARIOS) console.log(`${s.id} ${s.name}`);
    return 0;
  }
  assertInTestNetns();
  if (!args.base) throw new Error('--base is required (run-in-netns.sh sets it)');
  const chosen = SCENARIOS.filter((s) => !args.only || args.only.has(s.id));
  if (!chosen.length) throw new Error(`--only matched no scenario (have ${SCENARIOS.map((s) => s.id)})`);
  const results = [];
  for (const sc of chosen) {
    console.log(`\n===== scenario ${sc.id}: ${sc.name} =====`);
    const r = await runScenario(sc, args.base);
    results.push({ sc, ...r });
    console.log(`E2E ${sc.name} ${r.ok ? 'PASS' : 'FAIL'} (${r.reason})`);
  }
  console.log('\n===== summary =====');
  for (const r of results) console.log(`E2E ${r.sc.name} ${r.ok ? 'PASS' : 'FAIL'} (${r.reason})`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
