/**
 * Framing tests of the browser client library in node: the real Sfu4jClient and the real
 * mediasoup-client Device (with its FakeHandler, so no media) against a fake server that speaks the
 * shapes of shared/PROTOCOL.md. Run: cd e2e && npm run test:unit
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import WebSocket, { WebSocketServer } from 'ws';
import { Device, FakeHandler } from 'mediasoup-client';
import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';
import { Sfu4jClient, ProtooError } from '../src/sfu4j-client.js';
import { ProtooSocket } from '../src/protoo-socket.js';
import { startFakeSfuServer } from './fake-sfu-server.mjs';

const nativeCaps = JSON.parse(fs.readFileSync(new URL('./fixtures/chrome-device-rtpCapabilities.json', import.meta.url)));

function fakeDevice() {
  return new Device({
    handlerFactory: FakeHandler.createFactory({
      generateNativeRtpCapabilities: () => structuredClone(nativeCaps),
      generateLocalDtlsParameters: () => ({
        role: 'auto',
        fingerprints: [{ algorithm: 'sha-256', value: '82:5A:68:3D:36:C3:0A:DE:AF:E7:32:43:D2:88:83:57:AC:2D:65:E5:80:C4:B6:FB:AF:1A:A0:21:9F:6D:0C:AD' }],
      }),
    }),
  });
}

const liveClients = new Set();
function closeAll() { for (const c of liveClients) c.close(); liveClients.clear(); }

function client(srv, roomId, peerId) {
  const c = new Sfu4jClient({
    url: `ws://127.0.0.1:${srv.port}/ws?roomId=${roomId}&peerId=${peerId}`,
    roomId, peerId, WebSocket, createDevice: fakeDevice, requestTimeoutMs: 3000,
  });
  liveClients.add(c);
  return c;
}

async function until(what, cond, ms = 3000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = cond();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const inOf = (srv, peerId, method) => srv.log.filter((e) => e.dir === 'in' && e.peerId === peerId && e.msg.method === method).map((e) => e.msg);

// ---------- raw protoo framing against a hand-written ws server ----------

async function rawServer(onMessage) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (p) => (p.has('protoo') ? 'protoo' : false) });
  await new Promise((r) => wss.on('listening', r));
  const frames = [];
  let sock;
  wss.on('connection', (ws, req) => {
    sock = ws;
    ws.protocolSeen = ws.protocol;
    ws.on('message', (raw) => { const m = JSON.parse(String(raw)); frames.push(m); onMessage?.(ws, m); });
  });
  return {
    wss, frames, port: wss.address().port, sock: () => sock,
    close() { for (const c of wss.clients) c.terminate(); wss.close(); },
  };
}

/** Runs body with a raw server and a client socket, always tearing both down (a failing test must not hang). */
async function withRaw(onMessage, opts, body) {
  const srv = await rawServer(onMessage);
  const s = new ProtooSocket(`ws://127.0.0.1:${srv.port}/ws?roomId=r&peerId=p`, { WebSocket, ...opts });
  try {
    await body(srv, s);
  } finally {
    s.close();
    srv.close();
  }
}

test('request frame shape, ok response resolves with data, error response rejects with code', async () => {
  const onMsg = (ws, m) => {
    if (m.method === 'ok') ws.send(JSON.stringify({ response: true, id: m.id, ok: true, data: { echo: m.data } }));
    if (m.method === 'bad') ws.send(JSON.stringify({ response: true, id: m.id, ok: false, errorCode: 400, errorReason: 'nope' }));
    if (m.method === 'nodata') ws.send(JSON.stringify({ response: true, id: m.id, ok: true }));
  };
  await withRaw(onMsg, {}, async (srv, s) => {
    await s.open();
    assert.equal(srv.sock().protocol, 'protoo');
    assert.deepEqual(await s.request('ok', { a: 1 }), { echo: { a: 1 } });
    assert.deepEqual(await s.request('nodata'), {});
    await assert.rejects(s.request('bad', {}), (e) => e instanceof ProtooError && e.errorCode === 400 && e.errorReason === 'nope');
    assert.equal(srv.frames.length, 3);
    for (const f of srv.frames) {
      assert.deepEqual(Object.keys(f).sort(), ['data', 'id', 'method', 'request']);
      assert.equal(f.request, true);
      assert.ok(Number.isInteger(f.id) && f.id > 0);
    }
    assert.equal(new Set(srv.frames.map((f) => f.id)).size, 3, 'request ids are unique');
  });
});

test('server request is answered with the same id; unknown methods get ok:false; notifications dispatch', async () => {
  await withRaw(null, {}, async (srv, s) => {
    const notes = [];
    s.on('notification', (m, d) => notes.push([m, d]));
    s.on('request', (req, accept, reject) => (req.method === 'hello' ? accept({ hi: req.data.n }) : reject(501, 'no')));
    await s.open();
    srv.sock().send(JSON.stringify({ request: true, id: 77, method: 'hello', data: { n: 5 } }));
    srv.sock().send(JSON.stringify({ request: true, id: 78, method: 'other', data: {} }));
    srv.sock().send(JSON.stringify({ notification: true, method: 'peerClosed', data: { peerId: 'x' } }));
    srv.sock().send('not json at all');
    await until('two responses', () => srv.frames.length === 2);
    assert.deepEqual(srv.frames[0], { response: true, id: 77, ok: true, data: { hi: 5 } });
    assert.deepEqual(srv.frames[1], { response: true, id: 78, ok: false, errorCode: 501, errorReason: 'no' });
    await until('notification', () => notes.length === 1);
    assert.deepEqual(notes[0], ['peerClosed', { peerId: 'x' }]);
  });
});

test('pending requests reject when the socket closes, and time out when unanswered', async () => {
  await withRaw(null, { requestTimeoutMs: 150 }, async (srv, s) => {
    await s.open();
    await assert.rejects(s.request('silence'), /timed out after 150 ms/);
    const p = s.request('never');
    await until('frame', () => srv.frames.length === 2);
    srv.sock().close(1001, 'bye');
    await assert.rejects(p, /socket closed/);
    assert.equal(s.closed, true);
    await assert.rejects(s.request('after'), /not open/);
  });
});

// ---------- full client flow against the fake sfu4j server ----------

test('publisher/viewer flow: transports, join, produce VP8 simulcast + opus, pending consume, auto-subscribe, closeProducer, peerClosed', async () => {
  const srv = await startFakeSfuServer();
  try {
    const viewer = client(srv, 'room1', 'viewer');
    await viewer.connect();
    await viewer.load();
    await viewer.createTransports();
    const vj = await viewer.join({ subscribe: 'manual' });
    assert.deepEqual(vj.peers, []);

    // createWebRtcTransport: one producing, one consuming
    const ct = inOf(srv, 'viewer', 'createWebRtcTransport').map((m) => m.data);
    assert.deepEqual(ct, [{ forceTcp: false, producing: true, consuming: false }, { forceTcp: false, producing: false, consuming: true }]);
    const join = inOf(srv, 'viewer', 'join')[0].data;
    assert.equal(join.subscribe, 'manual');
    assert.ok(join.rtpCapabilities.codecs.some((c) => c.mimeType === 'video/VP8'));

    // consume before the publisher exists -> pending
    const pend = await viewer.consume({ peerId: 'pub', source: 'webcam' });
    assert.equal(pend.pending, true);
    assert.match(pend.pendingId, /^pending-/);
    assert.deepEqual(inOf(srv, 'viewer', 'consume')[0].data, { transportId: viewer.recvTransport.id, peerId: 'pub', source: 'webcam' });

    const pub = client(srv, 'room1', 'pub');
    await pub.connect();
    await pub.load();
    await pub.createTransports();
    const pj = await pub.join({ subscribe: 'auto' });
    assert.deepEqual(pj.peers.map((p) => p.id), ['viewer']);
    await until('newPeer at viewer', () => viewer.peers.has('pub'));

    const cam = await pub.produceCamera({ track: new FakeMediaStreamTrack({ kind: 'video' }), codec: 'VP8' });
    const mic = await pub.produceMic({ track: new FakeMediaStreamTrack({ kind: 'audio' }) });
    // connect happened exactly once, before the first produce
    const order = srv.log.filter((e) => e.dir === 'in' && e.peerId === 'pub' && e.msg.request).map((e) => e.msg.method);
    assert.deepEqual(order, ['getRouterRtpCapabilities', 'createWebRtcTransport', 'createWebRtcTransport', 'join',
      'connectWebRtcTransport', 'produce', 'produce']);
    const conn = inOf(srv, 'pub', 'connectWebRtcTransport')[0].data;
    assert.equal(conn.transportId, pub.sendTransport.id);
    assert.ok(conn.dtlsParameters.fingerprints.length > 0);
    const [pv, pa] = inOf(srv, 'pub', 'produce').map((m) => m.data);
    assert.equal(pv.kind, 'video');
    assert.deepEqual(pv.appData, { source: 'webcam' });
    assert.equal(pv.transportId, pub.sendTransport.id);
    assert.equal(pv.rtpParameters.codecs[0].mimeType, 'video/VP8');
    assert.deepEqual(pv.rtpParameters.encodings.map((e) => e.scaleResolutionDownBy), [4, 2, 1]);
    assert.deepEqual(pv.rtpParameters.encodings.map((e) => e.scalabilityMode), ['L1T3', 'L1T3', 'L1T3']);
    assert.equal(pa.kind, 'audio');
    assert.equal(pa.rtpParameters.codecs[0].mimeType, 'audio/opus');
    assert.deepEqual(pa.appData, { source: 'mic' });
    assert.equal(cam.id, 'producer-' + cam.id.split('-')[1]);
    assert.ok(pub.producers.has(cam.id) && pub.producers.has(mic.id));

    // the pending request is fulfilled with a newConsumer carrying the pendingId; only webcam (manual)
    const vc = await until('viewer consumer', () => [...viewer.consumers.values()][0]);
    assert.equal(vc.appData.pendingId, pend.pendingId);
    assert.equal(vc.kind, 'video');
    assert.equal(vc.producerId, cam.id);
    const nc = srv.log.find((e) => e.dir === 'out' && e.peerId === 'viewer' && e.msg.method === 'newConsumer').msg;
    const answer = await until('newConsumer answer', () => srv.log.find((e) => e.dir === 'in' && e.peerId === 'viewer' && e.msg.response && e.msg.id === nc.id));
    assert.deepEqual(answer.msg, { response: true, id: nc.id, ok: true, data: {} });
    assert.equal(viewer.pending.size, 0);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(viewer.consumers.size, 1, 'manual subscriber got only what it asked for');

    // an auto-subscribing late joiner gets both existing producers pushed
    const late = client(srv, 'room1', 'late');
    await late.connect();
    await late.load();
    await late.createTransports({ send: false });
    assert.equal(late.sendTransport, null);
    await late.join();
    await until('late consumers', () => late.consumers.size === 2);
    assert.deepEqual([...late.consumers.values()].map((c) => c.kind).sort(), ['audio', 'video']);

    // consumer controls: exact request data
    await viewer.pauseConsumer(vc.id, { local: false });
    await viewer.resumeConsumer(vc.id, { local: false });
    await viewer.setConsumerPreferredLayers(vc.id, 0, 2);
    await viewer.setConsumerPreferredLayers(vc.id, 1);
    assert.deepEqual(inOf(srv, 'viewer', 'pauseConsumer')[0].data, { consumerId: vc.id });
    assert.deepEqual(inOf(srv, 'viewer', 'resumeConsumer')[0].data, { consumerId: vc.id });
    assert.deepEqual(inOf(srv, 'viewer', 'setConsumerPreferredLayers').map((m) => m.data),
      [{ consumerId: vc.id, spatialLayer: 0, temporalLayer: 2 }, { consumerId: vc.id, spatialLayer: 1 }]);
    const ice = await viewer.restartIce('recv');
    assert.match(ice.usernameFragment, /^restart/);
    assert.deepEqual(inOf(srv, 'viewer', 'restartIce')[0].data, { transportId: viewer.recvTransport.id });

    // inline consume (producer exists): creates the consumer and asks the server to resume it
    const inline = await viewer.consume({ peerId: 'pub', kind: 'audio' });
    assert.equal(inline.consumer.kind, 'audio');
    assert.deepEqual(inOf(srv, 'viewer', 'resumeConsumer')[1].data, { consumerId: inline.consumer.id });

    // a server error surfaces as ProtooError with the code
    await assert.rejects(viewer.pauseConsumer('nope', { local: false }), (e) => e.errorCode === 404);

    // closeProducer -> consumerClosed at both viewers
    const closedAt = [];
    viewer.on('consumerClosed', ({ consumerId }) => closedAt.push(['viewer', consumerId]));
    await pub.closeProducer(cam.id);
    assert.deepEqual(inOf(srv, 'pub', 'closeProducer')[0].data, { producerId: cam.id });
    await until('viewer consumerClosed', () => closedAt.length === 1);
    assert.equal(closedAt[0][1], vc.id);
    assert.equal(viewer.consumers.has(vc.id), false);
    assert.deepEqual(viewer.closedConsumers.map((c) => c.consumerId), [vc.id]);
    await until('late consumerClosed', () => late.consumers.size === 1);

    // publisher leaves -> peerClosed
    const gone = [];
    viewer.on('peerClosed', (d) => gone.push(d.peerId));
    pub.close();
    await until('peerClosed', () => gone.length === 1);
    assert.deepEqual(gone, ['pub']);
    assert.equal(viewer.peers.has('pub'), false);

    // the server's request ids toward us and our ids toward it were all distinct positive integers
    const ids = srv.log.filter((e) => e.dir === 'in' && e.msg.request).map((e) => e.msg.id);
    assert.ok(ids.every((i) => Number.isInteger(i) && i > 0));
    viewer.close();
    late.close();
  } finally {
    closeAll();
    await srv.close();
  }
});

test('newConsumer without a recv transport is rejected with 409 instead of hanging the server', async () => {
  const srv = await startFakeSfuServer();
  try {
    const pub = client(srv, 'r2', 'pub');
    await pub.connect(); await pub.load(); await pub.createTransports(); await pub.join();
    await pub.produceMic({ track: new FakeMediaStreamTrack({ kind: 'audio' }) });
    const v = client(srv, 'r2', 'v');
    await v.connect(); await v.load(); await v.createTransports({ recv: false }); await v.join();
    const ans = await until('reject', () => srv.log.find((e) => e.dir === 'in' && e.peerId === 'v' && e.msg.response));
    assert.equal(ans.msg.ok, false);
    assert.equal(ans.msg.errorCode, 409);
    pub.close(); v.close();
  } finally {
    closeAll();
    await srv.close();
  }
});
