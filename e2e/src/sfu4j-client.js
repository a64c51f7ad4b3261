/**
 * sfu4j browser client: shared/PROTOCOL.md over a native WebSocket, media through mediasoup-client.
 *
 * Typical use (what the demo page and the e2e test page do):
 *   const c = new Sfu4jClient({ url, roomId, peerId });
 *   await c.connect();            // WebSocket open
 *   await c.load();               // getRouterRtpCapabilities -> Device.load
 *   await c.createTransports();   // send + recv WebRtcTransports, connect/produce events wired
 *   await c.join({ subscribe: 'auto' });   // server then sends newConsumer requests
 *   await c.produceCamera({ track, codec: 'VP8', simulcast: true });
 *   await c.produceMic({ track });
 *
 * Transports are created BEFORE join (as mediasoup-demo does) so that newConsumer requests which
 * the server sends right after join always find a receive transport.
 *
 * Events (c.on(name, fn)): 'consumer' (Consumer), 'consumerClosed' ({consumerId, consumer}),
 * 'newPeer', 'peerClosed', 'notification' (method, data) for every notification, 'close' (socket),
 * 'pendingExpired' ({pendingId}), 'transportState' ({direction, state}).
 */
import { Device } from 'mediasoup-client';
import { Emitter, ProtooSocket } from './protoo-socket.js';

export { ProtooError } from './protoo-socket.js';

/** VP8 simulcast: three spatial layers, each with three temporal layers (as mediasoup-demo). */
export const VP8_SIMULCAST_ENCODINGS = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 2, maxBitrate: 500_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 1, maxBitrate: 1_500_000, scalabilityMode: 'L1T3' },
];

/** Builds the signaling URL for a page served by the daemon (ws[s]://same-host/ws?roomId&peerId). */
export function signalingUrl(location, roomId, peerId, extra = {}) {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const q = new URLSearchParams({ roomId, peerId, ...extra });
  return `${proto}//${location.host}/ws?${q}`;
}

/**
 * Picks the device codec for a name: 'VP8', 'VP9', 'H264' (packetization-mode 1, preferring the
 * 42e01f constrained-baseline profile Chromium can always encode), or 'AV1'. Returns undefined when
 * the device cannot send it.
 */
export function pickVideoCodec(rtpCapabilities, name) {
  const mime = `video/${name}`.toLowerCase();
  const candidates = rtpCapabilities.codecs.filter((c) => c.mimeType.toLowerCase() === mime);
  if (name.toUpperCase() !== 'H264') return candidates[0];
  const pm1 = candidates.filter((c) => Number(c.parameters?.['packetization-mode']) === 1);
  return pm1.find((c) => String(c.parameters?.['profile-level-id']).startsWith('42e0')) || pm1[0];
}

export class Sfu4jClient extends Emitter {
  /**
   * @param {object} o
   * @param {string} o.url full ws:// URL (with roomId/peerId), or use roomId/peerId + location
   * @param {string} o.roomId
   * @param {string} o.peerId
   * @param {string} [o.displayName]
   * @param {Function} [o.WebSocket] WebSocket constructor (node tests pass the `ws` package)
   * @param {Function} [o.createDevice] () => mediasoup-client Device (tests pass a FakeHandler device)
   * @param {number} [o.requestTimeoutMs]
   */
  constructor({ url, roomId, peerId, displayName, WebSocket, createDevice, requestTimeoutMs } = {}) {
    super();
    this.roomId = roomId;
    this.peerId = peerId;
    this.displayName = displayName || peerId;
    this.url = url;
    this._createDevice = createDevice || (() => new Device());
    this.socket = new ProtooSocket(url, { WebSocket, requestTimeoutMs });
    this.device = null;
    this.sendTransport = null;
    this.recvTransport = null;
    this.producers = new Map(); // producerId -> Producer
    this.consumers = new Map(); // consumerId -> Consumer (appData has peerId, source, pendingId)
    this.peers = new Map(); // peerId -> {id, displayName, device}
    this.pending = new Map(); // pendingId -> consume request data
    this.closedConsumers = []; // [{consumerId, peerId, kind, source}] for assertions
    this.notifications = []; // [{method, data, at}] every notification seen, for tests and debugging
    this.joined = false;
    this.socket.on('notification', (method, data) => this._onNotification(method, data));
    this.socket.on('request', (req, accept, reject) => this._onServerRequest(req, accept, reject));
    this.socket.on('close', (ev) => this._onSocketClose(ev));
  }

  /** Opens the WebSocket. */
  async connect() {
    await this.socket.open();
  }

  request(method, data) {
    return this.socket.request(method, data);
  }

  /** getRouterRtpCapabilities -> Device.load. */
  async load() {
    const routerRtpCapabilities = await this.request('getRouterRtpCapabilities', {});
    this.device = this._createDevice();
    await this.device.load({ routerRtpCapabilities });
    return this.device;
  }

  /** Creates the send and/or receive WebRtcTransport and wires their events to signaling. */
  async createTransports({ send = true, recv = true, forceTcp = false } = {}) {
    if (send && !this.sendTransport) this.sendTransport = await this._createTransport('send', forceTcp);
    if (recv && !this.recvTransport) this.recvTransport = await this._createTransport('recv', forceTcp);
  }

  async _createTransport(direction, forceTcp) {
    const info = await this.request('createWebRtcTransport', {
      forceTcp,
      producing: direction === 'send',
      consuming: direction === 'recv',
    });
    const opts = {
      id: info.id,
      iceParameters: info.iceParameters,
      iceCandidates: info.iceCandidates,
      dtlsParameters: info.dtlsParameters,
      sctpParameters: info.sctpParameters,
      iceServers: [],
    };
    const transport = direction === 'send'
      ? this.device.createSendTransport(opts)
      : this.device.createRecvTransport(opts);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.request('connectWebRtcTransport', { transportId: transport.id, dtlsParameters })
        .then(() => callback(), errback);
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        this.request('produce', { transportId: transport.id, kind, rtpParameters, appData })
          .then(({ id }) => callback({ id }), errback);
      });
    }
    transport.on('connectionstatechange', (state) => {
      this.emit('transportState', { direction, state });
    });
    return transport;
  }

  /**
   * join; `subscribe` is 'auto' (server pushes newConsumer for every producer) or 'manual'
   * (nothing until `consume`). Returns the join response ({peers}).
   */
  async join({ subscribe = 'auto', displayName = this.displayName, device } = {}) {
    const res = await this.request('join', {
      displayName,
      device: device || { flag: 'sfu4j-client', name: 'browser', version: '1' },
      rtpCapabilities: this.device.rtpCapabilities,
      subscribe,
    });
    for (const p of res.peers || []) this.peers.set(p.id, p);
    this.joined = true;
    return res;
  }

  /**
   * Produces a camera track. codec: 'VP8' (simulcast by default), 'VP9', 'H264'.
   * appData.source is 'webcam' so `consume {source:"webcam"}` finds it.
   */
  async produceCamera({ track, codec = 'VP8', simulcast = codec === 'VP8', source = 'webcam' } = {}) {
    const options = { track, appData: { source } };
    const picked = pickVideoCodec(this.device.rtpCapabilities, codec);
    if (!picked) throw new Error(`device cannot send ${codec}`);
    options.codec = picked;
    if (simulcast) {
      options.encodings = VP8_SIMULCAST_ENCODINGS.map((e) => ({ ...e }));
      options.codecOptions = { videoGoogleStartBitrate: 1000 };
    }
    return this._produce(options);
  }

  /** Produces a microphone track (opus) with appData.source 'mic'. */
  async produceMic({ track, source = 'mic' } = {}) {
    return this._produce({ track, appData: { source }, codecOptions: { opusStereo: false, opusDtx: false } });
  }

  async _produce(options) {
    if (!this.sendTransport) throw new Error('no send transport');
    const producer = await this.sendTransport.produce(options);
    this.producers.set(producer.id, producer);
    producer.on('transportclose', () => this.producers.delete(producer.id));
    return producer;
  }

  async closeProducer(producerId) {
    const producer = this.producers.get(producerId);
    if (producer) producer.close();
    this.producers.delete(producerId);
    await this.request('closeProducer', { producerId });
  }

  async pauseProducer(producerId) {
    this.producers.get(producerId)?.pause();
    await this.request('pauseProducer', { producerId });
  }

  async resumeProducer(producerId) {
    this.producers.get(producerId)?.resume();
    await this.request('resumeProducer', { producerId });
  }

  /**
   * sfu4j `consume`: {peerId, source?, kind?, producerId?, paused?}. Returns {consumer} when the
   * producer exists, or {pending:true, pendingId} when queued (the consumer then arrives through a
   * newConsumer request carrying that pendingId, emitted as 'consumer').
   * The protocol does not say whether a consumer returned inline starts paused, so unless the
   * caller asked for paused, we ask the server to resume it (idempotent when already running).
   */
  async consume({ peerId, source, kind, producerId, paused } = {}) {
    if (!this.recvTransport) throw new Error('no recv transport');
    const data = { transportId: this.recvTransport.id, peerId };
    if (source !== undefined) data.source = source;
    if (kind !== undefined) data.kind = kind;
    if (producerId !== undefined) data.producerId = producerId;
    if (paused !== undefined) data.paused = paused;
    const res = await this.request('consume', data);
    if (res.pending) {
      this.pending.set(res.pendingId, data);
      return { pending: true, pendingId: res.pendingId };
    }
    const consumer = await this._createConsumer(res);
    if (!paused) await this.request('resumeConsumer', { consumerId: consumer.id });
    return { consumer };
  }

  async cancelConsume(pendingId) {
    this.pending.delete(pendingId);
    await this.request('cancelConsume', { pendingId });
  }

  async closeConsumer(consumerId) {
    await this.request('closeConsumer', { consumerId });
    this._dropConsumer(consumerId);
  }

  /**
   * Pauses a consumer on the server. With local:true (the default, as mediasoup-demo) the local
   * receiver is paused too; the e2e tests pass local:false so that only the SFU can stop the frames.
   */
  async pauseConsumer(consumerId, { local = true } = {}) {
    if (local) this.consumers.get(consumerId)?.pause();
    await this.request('pauseConsumer', { consumerId });
  }

  async resumeConsumer(consumerId, { local = true } = {}) {
    await this.request('resumeConsumer', { consumerId });
    if (local) this.consumers.get(consumerId)?.resume();
  }

  async setConsumerPreferredLayers(consumerId, spatialLayer, temporalLayer) {
    const data = { consumerId, spatialLayer };
    if (temporalLayer !== undefined) data.temporalLayer = temporalLayer;
    await this.request('setConsumerPreferredLayers', data);
  }

  async requestConsumerKeyFrame(consumerId) {
    await this.request('requestConsumerKeyFrame', { consumerId });
  }

  /** ICE restart of one transport ('recv' or 'send'): server restartIce -> transport.restartIce. */
  async restartIce(direction = 'recv') {
    const transport = direction === 'send' ? this.sendTransport : this.recvTransport;
    if (!transport) throw new Error(`no ${direction} transport`);
    const iceParameters = await this.request('restartIce', { transportId: transport.id });
    await transport.restartIce({ iceParameters });
    return iceParameters;
  }

  getRoomState() {
    return this.request('getRoomState', {});
  }

  /** Closes everything locally and the socket (the server then cleans up the peer). */
  close() {
    this.socket.close();
    this._closeLocal();
  }

  _closeLocal() {
    for (const c of this.consumers.values()) c.close();
    this.consumers.clear();
    for (const p of this.producers.values()) p.close();
    this.producers.clear();
    this.sendTransport?.close();
    this.recvTransport?.close();
  }

  _onSocketClose(ev) {
    this._closeLocal();
    this.emit('close', ev);
  }

  async _createConsumer(params) {
    const { peerId, producerId, id, kind, rtpParameters, appData = {}, pendingId } = params;
    const consumer = await this.recvTransport.consume({
      id,
      producerId,
      kind,
      rtpParameters,
      streamId: `${peerId}-${appData.source || kind}`,
      appData: { ...appData, peerId, pendingId, type: params.type, producerPaused: params.producerPaused },
    });
    this.consumers.set(consumer.id, consumer);
    consumer.on('transportclose', () => this.consumers.delete(consumer.id));
    if (pendingId !== undefined) this.pending.delete(pendingId);
    this.emit('consumer', consumer);
    return consumer;
  }

  _dropConsumer(consumerId) {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) return null;
    consumer.close();
    this.consumers.delete(consumerId);
    this.closedConsumers.push({
      consumerId, peerId: consumer.appData.peerId, kind: consumer.kind, source: consumer.appData.source,
    });
    return consumer;
  }

  async _onServerRequest(req, accept, reject) {
    switch (req.method) {
      case 'newConsumer': {
        if (!this.recvTransport) { reject(409, 'no recv transport'); return; }
        try {
          await this._createConsumer(req.data);
          accept({});
        } catch (e) {
          console.error('newConsumer failed', e);
          reject(500, e.message);
        }
        return;
      }
      case 'newDataConsumer':
        reject(403, 'data channels not used by this client');
        return;
      default:
        reject(501, `unknown method ${req.method}`);
    }
  }

  _onNotification(method, data) {
    this.notifications.push({ method, data, at: Date.now() });
    if (this.notifications.length > 500) this.notifications.shift();
    switch (method) {
      case 'newPeer':
        this.peers.set(data.id, data);
        this.emit('newPeer', data);
        break;
      case 'peerClosed':
        this.peers.delete(data.peerId);
        this.emit('peerClosed', data);
        break;
      case 'consumerClosed': {
        const consumer = this._dropConsumer(data.consumerId);
        this.emit('consumerClosed', { consumerId: data.consumerId, consumer });
        break;
      }
      case 'consumerPaused':
        this.consumers.get(data.consumerId)?.pause();
        break;
      case 'consumerResumed':
        this.consumers.get(data.consumerId)?.resume();
        break;
      case 'consumePendingExpired':
        this.pending.delete(data.pendingId);
        this.emit('pendingExpired', data);
        break;
      default:
        break;
    }
    this.emit('notification', method, data);
  }

  /**
   * A JSON-friendly summary of what the browser actually receives and sends, read from
   * RTCPeerConnection.getStats() through mediasoup-client: one entry per consumer (inbound-rtp)
   * and per producer encoding (outbound-rtp), plus transport states.
   */
  async statsSummary() {
    const consumers = [];
    for (const consumer of this.consumers.values()) {
      const entry = {
        id: consumer.id,
        kind: consumer.kind,
        peerId: consumer.appData.peerId,
        source: consumer.appData.source,
        producerId: consumer.producerId,
        pendingId: consumer.appData.pendingId,
        paused: consumer.paused,
      };
      try {
        Object.assign(entry, summarizeInbound(await consumer.getStats()));
      } catch (e) {
        entry.statsError = String(e);
      }
      consumers.push(entry);
    }
    const producers = [];
    for (const producer of this.producers.values()) {
      const entry = { id: producer.id, kind: producer.kind, source: producer.appData.source, paused: producer.paused };
      try {
        entry.outbound = summarizeOutbound(await producer.getStats());
      } catch (e) {
        entry.statsError = String(e);
      }
      producers.push(entry);
    }
    const transports = {};
    for (const [dir, t] of [['send', this.sendTransport], ['recv', this.recvTransport]]) {
      if (!t) continue;
      const info = { id: t.id, connectionState: t.connectionState, closed: t.closed };
      try {
        Object.assign(info, summarizeTransport(await t.getStats()));
      } catch (e) {
        info.statsError = String(e);
      }
      transports[dir] = info;
    }
    return {
      peerId: this.peerId,
      socketClosed: this.socket.closed,
      consumers,
      producers,
      transports,
      closedConsumers: this.closedConsumers.slice(),
      peers: [...this.peers.keys()],
      pending: [...this.pending.keys()],
      notificationCounts: countBy(this.notifications, (n) => n.method),
    };
  }
}

function countBy(list, keyFn) {
  const out = {};
  for (const x of list) out[keyFn(x)] = (out[keyFn(x)] || 0) + 1;
  return out;
}

/** Picks the receive-side numbers the e2e assertions use from an RTCStatsReport. */
export function summarizeInbound(report) {
  const out = {};
  const byId = new Map();
  report.forEach((s) => byId.set(s.id, s));
  report.forEach((s) => {
    if (s.type !== 'inbound-rtp') return;
    out.ssrc = s.ssrc;
    out.packetsReceived = s.packetsReceived ?? 0;
    out.packetsLost = s.packetsLost ?? 0;
    out.bytesReceived = s.bytesReceived ?? 0;
    out.nackCount = s.nackCount;
    out.pliCount = s.pliCount;
    out.firCount = s.firCount;
    out.jitter = s.jitter;
    if (s.kind === 'video') {
      out.framesDecoded = s.framesDecoded ?? 0;
      out.keyFramesDecoded = s.keyFramesDecoded ?? 0;
      out.framesReceived = s.framesReceived;
      out.framesDropped = s.framesDropped;
      out.frameWidth = s.frameWidth ?? 0;
      out.frameHeight = s.frameHeight ?? 0;
      out.framesPerSecond = s.framesPerSecond;
      out.decoderImplementation = s.decoderImplementation;
    } else {
      out.totalSamplesReceived = s.totalSamplesReceived ?? 0;
      out.concealedSamples = s.concealedSamples;
      out.audioLevel = s.audioLevel;
    }
    const codec = s.codecId && byId.get(s.codecId);
    if (codec) out.mimeType = codec.mimeType;
  });
  return out;
}

/** One entry per outbound-rtp (per simulcast encoding) of a producer. */
export function summarizeOutbound(report) {
  const out = [];
  const byId = new Map();
  report.forEach((s) => byId.set(s.id, s));
  report.forEach((s) => {
    if (s.type !== 'outbound-rtp') return;
    const codec = s.codecId && byId.get(s.codecId);
    const remote = s.remoteId && byId.get(s.remoteId);
    out.push({
      rid: s.rid,
      ssrc: s.ssrc,
      packetsSent: s.packetsSent,
      bytesSent: s.bytesSent,
      framesEncoded: s.framesEncoded,
      keyFramesEncoded: s.keyFramesEncoded,
      pliCount: s.pliCount,
      firCount: s.firCount,
      nackCount: s.nackCount,
      frameWidth: s.frameWidth,
      frameHeight: s.frameHeight,
      qualityLimitationReason: s.qualityLimitationReason,
      targetBitrate: s.targetBitrate,
      active: s.active,
      mimeType: codec?.mimeType,
      // the SFU's receiver reports about this stream (remote-inbound-rtp)
      rr: remote ? { lost: remote.packetsLost, fractionLost: remote.fractionLost, rtt: remote.roundTripTime,
        rttMeasurements: remote.roundTripTimeMeasurements } : undefined,
    });
  });
  return out;
}

/** Transport-level ICE facts: the local ufrag (changes on ICE restart), selected pair, bytes. */
export function summarizeTransport(report) {
  const out = {};
  const byId = new Map();
  report.forEach((s) => byId.set(s.id, s));
  report.forEach((s) => {
    if (s.type !== 'transport') return;
    out.iceState = s.iceState;
    out.dtlsState = s.dtlsState;
    out.iceLocalUsernameFragment = s.iceLocalUsernameFragment;
    out.selectedCandidatePairChanges = s.selectedCandidatePairChanges;
    out.bytesReceived = s.bytesReceived;
    out.bytesSent = s.bytesSent;
    const pair = s.selectedCandidatePairId && byId.get(s.selectedCandidatePairId);
    if (pair) {
      const local = byId.get(pair.localCandidateId);
      const remote = byId.get(pair.remoteCandidateId);
      out.selectedPair = {
        local: local && `${local.address || local.ip}:${local.port}/${local.protocol} ${local.candidateType}`,
        remote: remote && `${remote.address || remote.ip}:${remote.port}/${remote.protocol} ${remote.candidateType}`,
      };
      out.availableOutgoingBitrate = pair.availableOutgoingBitrate;
      out.currentRoundTripTime = pair.currentRoundTripTime;
    }
  });
  return out;
}
