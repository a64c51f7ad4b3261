/**
 * A FAKE sfu4j signaling server: speaks the JSON framing and message shapes of shared/PROTOCOL.md
 * (protoo request/response/notification, server->client newConsumer requests, sfu4j pending
 * consumers) but moves no media. It exists only to test the client library's framing, in node
 * (client-framing.test.mjs) and in real Chromium (selftest.mjs); the real thing is the daemon.
 *
 * It validates the shape of every request it gets (answering 400 like the daemon would) and keeps
 * a log of every message in both directions so tests can assert exact frames.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { WebSocketServer } from 'ws';

/** Router capabilities shaped like mediasoup v3's (opus, VP8, VP9, H264 pm1) with common extensions. */
export const ROUTER_RTP_CAPABILITIES = {
  codecs: [
    { kind: 'audio', mimeType: 'audio/opus', preferredPayloadType: 100, clockRate: 48000, channels: 2,
      parameters: { minptime: 10, useinbandfec: 1 }, rtcpFeedback: [{ type: 'transport-cc', parameter: '' }, { type: 'nack', parameter: '' }] },
    { kind: 'video', mimeType: 'video/VP8', preferredPayloadType: 101, clockRate: 90000, parameters: {},
      rtcpFeedback: videoFb() },
    { kind: 'video', mimeType: 'video/rtx', preferredPayloadType: 102, clockRate: 90000, parameters: { apt: 101 }, rtcpFeedback: [] },
    { kind: 'video', mimeType: 'video/VP9', preferredPayloadType: 103, clockRate: 90000, parameters: { 'profile-id': 0 },
      rtcpFeedback: videoFb() },
    { kind: 'video', mimeType: 'video/rtx', preferredPayloadType: 104, clockRate: 90000, parameters: { apt: 103 }, rtcpFeedback: [] },
    { kind: 'video', mimeType: 'video/H264', preferredPayloadType: 105, clockRate: 90000,
      parameters: { 'level-asymmetry-allowed': 1, 'packetization-mode': 1, 'profile-level-id': '42e01f' }, rtcpFeedback: videoFb() },
    { kind: 'video', mimeType: 'video/rtx', preferredPayloadType: 106, clockRate: 90000, parameters: { apt: 105 }, rtcpFeedback: [] },
  ],
  headerExtensions: [
    ext('audio', 'urn:ietf:params:rtp-hdrext:sdes:mid', 1), ext('video', 'urn:ietf:params:rtp-hdrext:sdes:mid', 1),
    ext('video', 'urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id', 2, 'recvonly'),
    ext('video', 'urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id', 3, 'recvonly'),
    ext('audio', 'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time', 4),
    ext('video', 'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time', 4),
    ext('video', 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01', 5),
    ext('audio', 'urn:ietf:params:rtp-hdrext:ssrc-audio-level', 10),
  ],
};

function videoFb() {
  return [{ type: 'nack', parameter: '' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' },
    { type: 'goog-remb', parameter: '' }, { type: 'transport-cc', parameter: '' }];
}

function ext(kind, uri, preferredId, direction = 'sendrecv') {
  return { kind, uri, preferredId, preferredEncrypt: false, direction };
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

/**
 * Starts the fake server. opts.host/port (port 0 = ephemeral), opts.staticDir (a dir or a list, served at /),
 * opts.candidateIp (the ICE candidate it announces; nothing listens there).
 * Returns {port, url, log, peers, close()}.
 */
export async function startFakeSfuServer({ host = '127.0.0.1', port = 0, staticDir, candidateIp = host } = {}) {
  const staticDirs = (Array.isArray(staticDir) ? staticDir : staticDir ? [staticDir] : []).map((d) => path.resolve(d));
  const log = []; // {dir:'in'|'out', peerId, msg}
  const peers = new Map(); // peerId -> state
  let seq = 0;
  const newId = (p) => `${p}-${++seq}`;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/health') { res.end('ok'); return; }
    if (url.pathname === '/metrics') { res.setHeader('content-type', 'text/plain; version=0.0.4'); res.end(metricsText()); return; }
    const rel = url.pathname === '/' ? 'index.html' : path.normalize(url.pathname);
    const file = staticDirs.map((d) => path.join(d, rel)).find((f) => staticDirs.some((d) => f.startsWith(d)) && fs.existsSync(f) && fs.statSync(f).isFile());
    if (!file) { res.statusCode = 404; res.end('not found'); return; }
    res.setHeader('content-type', MIME[path.extname(file)] || 'application/octet-stream');
    fs.createReadStream(file).pipe(res);
  });
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('protoo') ? 'protoo' : false) });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url, 'http://x');
    const roomId = url.searchParams.get('roomId');
    const peerId = url.searchParams.get('peerId');
    if (url.pathname !== '/ws' || !roomId || !peerId) {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onPeer(ws, roomId, peerId, req.headers['sec-websocket-protocol']));
  });

  /** The daemon's object-count gauges, computed from the fake state (same names as the daemon). */
  function metricsText() {
    const all = [...peers.values()];
    const sum = (f) => all.reduce((n, p) => n + f(p), 0);
    const g = {
      sfu4j_rooms: new Set(all.map((p) => p.roomId)).size,
      sfu4j_peers: all.length,
      sfu4j_transports: sum((p) => p.transports.size),
      sfu4j_producers: sum((p) => p.producers.size),
      sfu4j_consumers: sum((p) => p.consumers.size),
      sfu4j_pending_consumers: sum((p) => p.pendings.length),
    };
    return Object.entries(g).map(([k, v]) => `# HELP ${k} fake\n# TYPE ${k} gauge\n${k}{fake="1"} ${v}\n`).join('');
  }

  function send(peer, msg) {
    log.push({ dir: 'out', peerId: peer.id, msg });
    peer.ws.send(JSON.stringify(msg));
  }

  function notify(peer, method, data) { send(peer, { notification: true, method, data }); }

  /** Server -> client request; resolves with the client's response message. */
  function requestClient(peer, method, data) {
    const id = Math.floor(Math.random() * 9_000_000) + 1;
    return new Promise((resolve) => {
      peer.awaiting.set(id, resolve);
      send(peer, { request: true, id, method, data });
    });
  }

  function onPeer(ws, roomId, peerId, subprotocol) {
    const peer = { id: peerId, roomId, ws, subprotocol, joined: false, subscribe: 'auto', transports: new Map(),
      producers: new Map(), pendings: [], awaiting: new Map(), consumers: new Map() };
    peers.get(peerId)?.ws.close(4000, 'replaced');
    peers.set(peerId, peer);
    ws.on('message', (raw) => {
      let msg;
      try { msg = JSON.parse(String(raw)); } catch { return; }
      log.push({ dir: 'in', peerId, msg });
      if (msg.response) {
        const r = peer.awaiting.get(msg.id);
        if (r) { peer.awaiting.delete(msg.id); r(msg); }
        return;
      }
      if (!msg.request) return;
      const reply = (data) => send(peer, { response: true, id: msg.id, ok: true, data });
      const fail = (code, reason) => send(peer, { response: true, id: msg.id, ok: false, errorCode: code, errorReason: reason });
      try {
        const out = handle(peer, msg.method, msg.data || {});
        if (out && out.error) fail(out.error, out.reason); else reply(out || {});
      } catch (e) {
        fail(500, String(e.message));
      }
    });
    ws.on('close', () => {
      if (peers.get(peerId) !== peer) return;
      peers.delete(peerId);
      for (const other of peers.values()) if (other.joined) notify(other, 'peerClosed', { peerId });
    });
  }

  const bad = (reason) => ({ error: 400, reason });
  const need = (data, ...fields) => fields.find((f) => data[f] === undefined || data[f] === null);

  function consumerParams(producer, forPeer) {
    const codec = ROUTER_RTP_CAPABILITIES.codecs.find((c) => c.kind === producer.kind && c.mimeType.toLowerCase() === producer.mimeType);
    return {
      peerId: producer.peerId,
      producerId: producer.id,
      id: newId('consumer'),
      kind: producer.kind,
      rtpParameters: {
        codecs: [{ mimeType: codec.mimeType, payloadType: codec.preferredPayloadType, clockRate: codec.clockRate,
          ...(codec.channels ? { channels: codec.channels } : {}), parameters: codec.parameters, rtcpFeedback: codec.rtcpFeedback }],
        headerExtensions: [],
        encodings: [{ ssrc: 100000 + seq }],
        rtcp: { cname: `cname-${producer.peerId}`, reducedSize: true },
        mid: String(forPeer.consumers.size),
      },
      type: producer.simulcast ? 'simulcast' : 'simple',
      appData: producer.appData,
      producerPaused: false,
    };
  }

  async function offerConsumer(peer, producer, pendingId) {
    const data = consumerParams(producer, peer);
    if (pendingId !== undefined) data.pendingId = pendingId;
    peer.consumers.set(data.id, data);
    const res = await requestClient(peer, 'newConsumer', data);
    if (!res.ok) peer.consumers.delete(data.id);
  }

  function handle(peer, method, data) {
    switch (method) {
      case 'getRouterRtpCapabilities':
        return ROUTER_RTP_CAPABILITIES;
      case 'join': {
        if (!data.rtpCapabilities || !Array.isArray(data.rtpCapabilities.codecs)) return bad('rtpCapabilities is required');
        if (data.subscribe !== undefined && !['auto', 'manual'].includes(data.subscribe)) return bad('subscribe must be auto|manual');
        peer.joined = true;
        peer.subscribe = data.subscribe || 'auto';
        peer.displayName = data.displayName;
        const others = [...peers.values()].filter((p) => p !== peer && p.joined && p.roomId === peer.roomId);
        for (const o of others) notify(o, 'newPeer', { id: peer.id, displayName: data.displayName, device: data.device });
        if (peer.subscribe === 'auto') {
          for (const o of others) for (const pr of o.producers.values()) setTimeout(() => offerConsumer(peer, pr), 0);
        }
        return { peers: others.map((o) => ({ id: o.id, displayName: o.displayName, device: {} })) };
      }
      case 'createWebRtcTransport': {
        const id = newId('transport');
        peer.transports.set(id, { id, connected: false, producing: !!data.producing });
        return {
          id,
          iceParameters: { usernameFragment: `uf${seq}abcdefgh`, password: 'fakepasswordfakepassword1234', iceLite: true },
          iceCandidates: [{ foundation: 'udpcandidate', priority: 1076302079, ip: candidateIp, address: candidateIp,
            protocol: 'udp', port: 40000, type: 'host' }],
          dtlsParameters: { role: 'auto', fingerprints: [{ algorithm: 'sha-256', value:
            'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89' }] },
        };
      }
      case 'connectWebRtcTransport': {
        const m = need(data, 'transportId', 'dtlsParameters');
        if (m) return bad(`${m} is required`);
        const t = peer.transports.get(data.transportId);
        if (!t) return { error: 404, reason: 'unknown transport' };
        if (!Array.isArray(data.dtlsParameters.fingerprints)) return bad('dtlsParameters.fingerprints is required');
        t.connected = true;
        t.dtlsParameters = data.dtlsParameters;
        return {};
      }
      case 'restartIce': {
        if (!peer.transports.has(data.transportId)) return { error: 404, reason: 'unknown transport' };
        return { usernameFragment: `restart${++seq}abcd`, password: 'restartpasswordrestartpass', iceLite: true };
      }
      case 'produce': {
        const m = need(data, 'transportId', 'kind', 'rtpParameters');
        if (m) return bad(`${m} is required`);
        const t = peer.transports.get(data.transportId);
        if (!t) return { error: 404, reason: 'unknown transport' };
        if (!t.connected) return { error: 409, reason: 'produce before connect' };
        if (!Array.isArray(data.rtpParameters.codecs) || !data.rtpParameters.codecs.length) return bad('rtpParameters.codecs is required');
        const producer = { id: newId('producer'), peerId: peer.id, kind: data.kind, appData: data.appData || {},
          rtpParameters: data.rtpParameters, mimeType: data.rtpParameters.codecs[0].mimeType.toLowerCase(),
          simulcast: (data.rtpParameters.encodings || []).length > 1 };
        peer.producers.set(producer.id, producer);
        setTimeout(() => {
          for (const o of peers.values()) {
            if (o === peer || !o.joined || o.roomId !== peer.roomId) continue;
            const pend = o.pendings.find((p) => p.peerId === peer.id && (p.source === undefined || p.source === producer.appData.source)
              && (p.kind === undefined || p.kind === producer.kind));
            if (pend) { o.pendings.splice(o.pendings.indexOf(pend), 1); offerConsumer(o, producer, pend.pendingId); }
            else if (o.subscribe === 'auto') offerConsumer(o, producer);
          }
        }, 0);
        return { id: producer.id };
      }
      case 'closeProducer': {
        const pr = peer.producers.get(data.producerId);
        if (!pr) return { error: 404, reason: 'unknown producer' };
        peer.producers.delete(pr.id);
        for (const o of peers.values()) {
          for (const c of o.consumers.values()) {
            if (c.producerId === pr.id) { o.consumers.delete(c.id); notify(o, 'consumerClosed', { consumerId: c.id }); }
          }
        }
        return {};
      }
      case 'consume': {
        const m = need(data, 'transportId', 'peerId');
        if (m) return bad(`${m} is required`);
        if (!peer.transports.has(data.transportId)) return { error: 404, reason: 'unknown transport' };
        const target = peers.get(data.peerId);
        const pr = target && [...target.producers.values()].find((p) => (data.source === undefined || p.appData.source === data.source)
          && (data.kind === undefined || p.kind === data.kind) && (data.producerId === undefined || p.id === data.producerId));
        if (pr) {
          const params = consumerParams(pr, peer);
          peer.consumers.set(params.id, params);
          return params;
        }
        const pendingId = newId('pending');
        peer.pendings.push({ pendingId, peerId: data.peerId, source: data.source, kind: data.kind });
        return { pending: true, pendingId };
      }
      case 'cancelConsume': {
        const i = peer.pendings.findIndex((p) => p.pendingId === data.pendingId);
        if (i < 0) return { error: 404, reason: 'unknown pendingId' };
        peer.pendings.splice(i, 1);
        return {};
      }
      case 'pauseConsumer': case 'resumeConsumer': case 'requestConsumerKeyFrame': case 'closeConsumer':
        if (!peer.consumers.has(data.consumerId)) return { error: 404, reason: 'unknown consumer' };
        if (method === 'closeConsumer') peer.consumers.delete(data.consumerId);
        return {};
      case 'setConsumerPreferredLayers':
        if (!peer.consumers.has(data.consumerId)) return { error: 404, reason: 'unknown consumer' };
        if (!Number.isInteger(data.spatialLayer)) return bad('spatialLayer must be an integer');
        return {};
      case 'getRoomState':
        return { peers: [...peers.values()].filter((p) => p.roomId === peer.roomId).map((p) => ({ id: p.id, displayName: p.displayName,
          role: 'admin', producers: [...p.producers.values()].map((x) => ({ id: x.id, kind: x.kind, source: x.appData.source, paused: false })) })) };
      default:
        return { error: 400, reason: `unknown method ${method}` };
    }
  }

  await new Promise((resolve) => server.listen(port, host, resolve));
  const actualPort = server.address().port;
  return {
    port: actualPort,
    url: `http://${host}:${actualPort}`,
    log,
    peers,
    notifyPeer: (peerId, method, data) => notify(peers.get(peerId), method, data),
    async close() {
      for (const p of peers.values()) p.ws.terminate();
      wss.close();
      await new Promise((r) => server.close(r));
    },
  };
}
