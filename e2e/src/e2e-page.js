/**
 * The page the e2e driver (scenarios.mjs) controls through page.evaluate: everything is on
 * `window.e2e`, every method is async and returns plain JSON so playwright can carry it back.
 * Remote tracks are attached to <video>/<audio> elements (autoplay) so Chromium renders/pulls them.
 */
import { Sfu4jClient, signalingUrl } from './sfu4j-client.js';

const media = document.getElementById('media') || document.body;
let client = null;
const elements = new Map(); // consumerId -> media element
const log = [];

function note(msg) {
  log.push(`${new Date().toISOString().slice(11, 23)} ${msg}`);
  if (log.length > 300) log.shift();
}

function attach(consumer) {
  const el = document.createElement(consumer.kind === 'video' ? 'video' : 'audio');
  el.autoplay = true;
  el.playsInline = true;
  if (consumer.kind === 'video') el.muted = true;
  el.dataset.consumerId = consumer.id;
  el.dataset.peerId = consumer.appData.peerId;
  el.srcObject = new MediaStream([consumer.track]);
  media.appendChild(el);
  el.play().catch((e) => note(`play() failed for ${consumer.id}: ${e}`));
  elements.set(consumer.id, el);
}

function detach(consumerId) {
  const el = elements.get(consumerId);
  if (el) { el.srcObject = null; el.remove(); elements.delete(consumerId); }
}

function requireClient() {
  if (!client) throw new Error('e2e.start() first');
  return client;
}

function findProducer(kindOrId) {
  const c = requireClient();
  if (c.producers.has(kindOrId)) return c.producers.get(kindOrId);
  for (const p of c.producers.values()) if (p.kind === kindOrId || p.appData.source === kindOrId) return p;
  throw new Error(`no producer ${kindOrId}`);
}

window.e2e = {
  ready: true,

  /** connect -> load -> create transports -> join. */
  async start({ roomId, peerId, subscribe = 'auto', send = true, recv = true, displayName } = {}) {
    if (client) throw new Error('already started');
    client = new Sfu4jClient({ url: signalingUrl(location, roomId, peerId), roomId, peerId, displayName });
    client.on('consumer', (c) => { note(`consumer ${c.id} ${c.kind} from ${c.appData.peerId}`); attach(c); });
    client.on('consumerClosed', ({ consumerId }) => { note(`consumerClosed ${consumerId}`); detach(consumerId); });
    client.on('notification', (m, d) => note(`notification ${m} ${JSON.stringify(d).slice(0, 200)}`));
    client.on('transportState', ({ direction, state }) => note(`${direction} transport ${state}`));
    client.on('close', (ev) => note(`socket closed ${ev.code} ${ev.reason}`));
    await client.connect();
    await client.load();
    await client.createTransports({ send, recv });
    const res = await client.join({ subscribe });
    note(`joined ${roomId} as ${peerId} (${subscribe}); peers: ${(res.peers || []).map((p) => p.id)}`);
    return { peers: (res.peers || []).map((p) => p.id), handler: client.device.handlerName };
  },

  /** Publishes fake camera (codec VP8|VP9|H264, VP8 simulcast by default) and/or fake mic. */
  async publish({ video = 'VP8', simulcast, audio = true, width = 640, height = 360, frameRate = 30 } = {}) {
    const c = requireClient();
    const stream = await navigator.mediaDevices.getUserMedia({
      video: video ? { width: { ideal: width }, height: { ideal: height }, frameRate: { ideal: frameRate } } : false,
      audio: !!audio,
    });
    const out = {};
    const vt = stream.getVideoTracks()[0];
    if (vt) {
      const p = await c.produceCamera({ track: vt, codec: video, simulcast: simulcast ?? video === 'VP8' });
      out.video = p.id;
      const { width: w, height: h, frameRate: fr } = vt.getSettings();
      out.videoSettings = { width: w, height: h, frameRate: fr };
      out.videoCodec = p.rtpParameters.codecs[0].mimeType;
      out.videoEncodings = p.rtpParameters.encodings.map((e) => e.rid || String(e.ssrc));
    }
    const at = stream.getAudioTracks()[0];
    if (at) out.audio = (await c.produceMic({ track: at })).id;
    note(`published ${JSON.stringify(out)}`);
    return out;
  },

  async consume(opts) {
    const res = await requireClient().consume(opts);
    if (res.pending) return { pending: true, pendingId: res.pendingId };
    return { pending: false, consumerId: res.consumer.id, kind: res.consumer.kind };
  },
  cancelConsume: (pendingId) => requireClient().cancelConsume(pendingId),
  /** Server-side pause only (local receiver untouched): only the SFU can stop the frames. */
  pauseConsumer: (id) => requireClient().pauseConsumer(id, { local: false }),
  resumeConsumer: (id) => requireClient().resumeConsumer(id, { local: false }),
  setPreferredLayers: (id, spatialLayer, temporalLayer) =>
    requireClient().setConsumerPreferredLayers(id, spatialLayer, temporalLayer),
  requestKeyFrame: (id) => requireClient().requestConsumerKeyFrame(id),
  async restartIce(direction = 'recv') {
    const p = await requireClient().restartIce(direction);
    return { usernameFragment: p.usernameFragment };
  },
  async closeProducer(kindOrId) {
    const p = findProducer(kindOrId);
    await requireClient().closeProducer(p.id);
    return p.id;
  },
  getRoomState: () => requireClient().getRoomState(),
  consumerIds(kind) {
    return [...requireClient().consumers.values()].filter((c) => !kind || c.kind === kind).map((c) => c.id);
  },
  /** Closes the socket: the server must clean up this peer. */
  leave() {
    if (client) client.close();
    for (const id of [...elements.keys()]) detach(id);
    return true;
  },
  async stats() {
    if (!client) return { started: false, log: log.slice(-40) };
    const s = await client.statsSummary();
    s.log = log.slice(-40);
    return s;
  },
  log: () => log.slice(),
};

// Manual use: e2e.html?roomId=r&peerId=p&autostart=1&publish=VP8
const q = new URLSearchParams(location.search);
if (q.get('autostart')) {
  window.e2e.start({
    roomId: q.get('roomId') || 'e2e',
    peerId: q.get('peerId') || `p${Math.floor(Math.random() * 1e6)}`,
    subscribe: q.get('subscribe') || 'auto',
  }).then(() => (q.get('publish') ? window.e2e.publish({ video: q.get('publish') }) : null))
    .catch((e) => note(`autostart failed: ${e}`));
}
