/**
 * Self-test of the harness WITHOUT the daemon (run through: bash e2e/run-in-netns.sh --selftest).
 *  1. Chromium gathers host candidates inside the namespace, only 10.99.0.x, and two
 *     RTCPeerConnections in one page connect, decode video and play audio.
 *  2. The bundled e2e page (static/e2e.js, mediasoup-client in real Chromium) runs the whole
 *     signaling flow against the FAKE protocol server (test/fake-sfu-server.mjs, no media):
 *     join, transports, VP8 3-layer simulcast + opus, H264 and VP9 produce, pending consume fulfilled
 *     by newConsumer, consumer controls, restartIce.
 *  3. The demo page (static/index.html + app.js) joins and publishes its camera on a click.
 * Prints `E2E selftest-<n> PASS|FAIL (reason)` and exits non-zero on any failure.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, pollUntil } from './lib/browser.mjs';
import { assertInTestNetns, candidateStaysInside, NETNS_IP } from './lib/netns.mjs';
import { startFakeSfuServer } from './test/fake-sfu-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const staticDir = path.resolve(here, '../sfu-daemon/src/main/resources/static');
const results = [];

function check(cond, msg) { if (!cond) throw new Error(msg); }

async function step(name, fn) {
  const t0 = Date.now();
  try {
    const note = await fn();
    results.push({ name, ok: true });
    console.log(`E2E ${name} PASS (${Date.now() - t0} ms${note ? `; ${note}` : ''})`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`E2E ${name} FAIL (${e.message.split('\n')[0]})`);
    console.log(e.stack || e);
  }
}

function wirePageLogs(page, tag) {
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) console.log(`[${tag} ${m.type()}] ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`[${tag} pageerror] ${e.message}`));
}

async function main() {
  assertInTestNetns();
  const srv = await startFakeSfuServer({ host: NETNS_IP, port: 0, staticDir: [staticDir, path.join(here, 'selftest')] });
  const base = srv.url;
  console.log(`[selftest] fake protocol server at ${base}`);
  const browser = await launchChromium({ secureOrigin: base });
  console.log(`[selftest] chromium ${browser.version()}`);
  try {
    await step('selftest-1-loopback-media', async () => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      wirePageLogs(page, 'loopback');
      await page.goto(`${base}/loopback.html`);
      await page.evaluate(() => window.runLoopback());
      const { value, elapsedMs } = await pollUntil('loopback video decoded (>=30 frames, 640 wide) and audio samples',
        () => page.evaluate(() => window.loopbackStats()),
        (s) => s.video?.framesDecoded >= 30 && s.video.frameWidth === 640 && s.audio?.totalSamplesReceived > 0 && s.audio.packetsReceived > 0,
        { timeoutMs: 15_000 });
      const all = [...value.candidates.a, ...value.candidates.b];
      check(all.length > 0, 'no ICE candidates gathered');
      check(all.some((c) => c.includes(' typ host')), `no host candidate: ${all}`);
      const outside = all.filter((c) => !candidateStaysInside(c));
      check(outside.length === 0, `candidate outside the namespace: ${outside}`);
      await ctx.close();
      return `${all.length} candidates (${[...new Set(all.map((c) => c.split(' ')[4]))].join(', ')}), pair ${value.selectedPair}, `
        + `${value.video.framesDecoded} frames ${value.video.frameWidth}x${value.video.frameHeight}, `
        + `${value.audio.totalSamplesReceived} audio samples after ${elapsedMs} ms`;
    });

    await step('selftest-2-client-signaling-in-chromium', async () => {
      const ctxP = await browser.newContext();
      const ctxV = await browser.newContext();
      const pub = await ctxP.newPage();
      const viewer = await ctxV.newPage();
      wirePageLogs(pub, 'pub');
      wirePageLogs(viewer, 'viewer');
      await pub.goto(`${base}/e2e.html`);
      await viewer.goto(`${base}/e2e.html`);
      const vs = await viewer.evaluate(() => window.e2e.start({ roomId: 'st', peerId: 'viewer', subscribe: 'manual' }));
      check(vs.handler === 'Chrome111', `unexpected mediasoup-client handler ${vs.handler}`);
      const pend = await viewer.evaluate(() => window.e2e.consume({ peerId: 'pub', source: 'webcam' }));
      check(pend.pending === true && pend.pendingId, `expected pending consume, got ${JSON.stringify(pend)}`);
      await pub.evaluate(() => window.e2e.start({ roomId: 'st', peerId: 'pub' }));
      const produced = await pub.evaluate(() => window.e2e.publish({ video: 'VP8', audio: true }));
      const produceMsgs = srv.log.filter((e) => e.dir === 'in' && e.peerId === 'pub' && e.msg.method === 'produce').map((e) => e.msg.data);
      check(produceMsgs.length === 2, `expected 2 produce requests, got ${produceMsgs.length}`);
      const vp8 = produceMsgs[0];
      check(vp8.rtpParameters.codecs[0].mimeType === 'video/VP8', `video codec ${vp8.rtpParameters.codecs[0].mimeType}`);
      const rids = vp8.rtpParameters.encodings.map((e) => e.rid).join(',');
      check(rids === 'r0,r1,r2', `simulcast rids ${rids}`);
      check(vp8.appData.source === 'webcam', 'appData.source');
      check(produceMsgs[1].rtpParameters.codecs[0].mimeType === 'audio/opus', 'audio codec');
      const connect = srv.log.filter((e) => e.dir === 'in' && e.peerId === 'pub' && e.msg.method === 'connectWebRtcTransport');
      check(connect.length === 1 && connect[0].msg.data.dtlsParameters.fingerprints[0].algorithm, 'connectWebRtcTransport sent once with fingerprints');
      check(['client', 'server'].includes(connect[0].msg.data.dtlsParameters.role), `dtls role ${connect[0].msg.data.dtlsParameters.role}`);
      // the pending consume is fulfilled by a newConsumer request; the real browser creates the consumer
      await pollUntil('viewer consumer from the pending request', () => viewer.evaluate(() => window.e2e.stats()),
        (s) => s.consumers.length === 1 && s.consumers[0].pendingId === pend.pendingId && s.pending.length === 0, { timeoutMs: 5000 });
      const ncAnswer = srv.log.find((e) => e.dir === 'in' && e.peerId === 'viewer' && e.msg.response && e.msg.ok === true);
      check(ncAnswer, 'newConsumer was not answered ok');
      const [cid] = await viewer.evaluate(() => window.e2e.consumerIds('video'));
      await viewer.evaluate((id) => window.e2e.pauseConsumer(id), cid);
      await viewer.evaluate((id) => window.e2e.resumeConsumer(id), cid);
      await viewer.evaluate((id) => window.e2e.setPreferredLayers(id, 0, 1), cid);
      const ice = await viewer.evaluate(() => window.e2e.restartIce('recv'));
      check(/^restart/.test(ice.usernameFragment), 'restartIce returned new parameters');
      // H264 (packetization-mode 1) and VP9 from real Chromium
      const ctxH = await browser.newContext();
      const h = await ctxH.newPage();
      wirePageLogs(h, 'h264');
      await h.goto(`${base}/e2e.html`);
      await h.evaluate(() => window.e2e.start({ roomId: 'st-codecs', peerId: 'h' }));
      await h.evaluate(() => window.e2e.publish({ video: 'H264', audio: false }));
      await h.evaluate(() => window.e2e.publish({ video: 'VP9', audio: false }));
      const codecMsgs = srv.log.filter((e) => e.dir === 'in' && e.peerId === 'h' && e.msg.method === 'produce').map((e) => e.msg.data.rtpParameters.codecs[0]);
      check(codecMsgs[0].mimeType === 'video/H264' && Number(codecMsgs[0].parameters['packetization-mode']) === 1,
        `H264 produce codec ${JSON.stringify(codecMsgs[0])}`);
      check(codecMsgs[1].mimeType === 'video/VP9', `VP9 produce codec ${JSON.stringify(codecMsgs[1])}`);
      await Promise.all([ctxP.close(), ctxV.close(), ctxH.close()]);
      return `produced ${JSON.stringify({ v: produced.video, a: produced.audio, size: `${produced.videoSettings.width}x${produced.videoSettings.height}` })}, `
        + `rids ${rids}, H264 profile ${codecMsgs[0].parameters['profile-level-id']}, VP9 profile-id ${codecMsgs[1].parameters['profile-id']}`;
    });

    await step('selftest-3-demo-page', async () => {
      const ctx = await browser.newContext({ viewport: { width: 1100, height: 500 } });
      const page = await ctx.newPage();
      wirePageLogs(page, 'demo');
      await page.goto(`${base}/?roomId=demo&peerId=alice`);
      await page.waitForFunction(() => document.querySelector('#status')?.textContent.startsWith('joined'), null, { timeout: 10_000 });
      await page.click('#btn-cam');
      await pollUntil('demo page produce request', async () => srv.log.filter((e) => e.dir === 'in' && e.peerId === 'alice' && e.msg.method === 'produce').length,
        (n) => n === 1, { timeoutMs: 10_000 });
      await page.waitForFunction(() => document.querySelector('#btn-cam').textContent === 'Stop camera', null, { timeout: 5000 });
      const shot = process.env.E2E_SCREENSHOT || '/tmp/sfu4j-demo-selftest.png';
      await page.waitForTimeout(500);
      await page.screenshot({ path: shot });
      await ctx.close();
      return `joined and published; screenshot ${shot}`;
    });
  } finally {
    await browser.close();
    await srv.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
