/**
 * A minimal protoo-compatible peer over one WebSocket (see shared/PROTOCOL.md):
 *   {"request":true,  "id":N, "method":"...", "data":{...}}
 *   {"response":true, "id":N, "ok":true,  "data":{...}}
 *   {"response":true, "id":N, "ok":false, "errorCode":400, "errorReason":"..."}
 *   {"notification":true, "method":"...", "data":{...}}
 * Requests flow both ways: the server asks us `newConsumer`, we answer with a response of the same id.
 *
 * It is written against the WHATWG WebSocket API only (browser or the `ws` package in node), so the
 * same code runs in Chromium and in the node framing tests.
 */

/** Error thrown for an `ok:false` response; keeps the server's code for callers and tests. */
export class ProtooError extends Error {
  constructor(method, errorCode, errorReason) {
    super(`${method} failed: ${errorCode} ${errorReason}`);
    this.name = 'ProtooError';
    this.method = method;
    this.errorCode = errorCode;
    this.errorReason = errorReason;
  }
}

/** Tiny event emitter (on/off/once/emit); avoids pulling node's `events` into the browser bundle. */
export class Emitter {
  constructor() { this._listeners = new Map(); }
  on(name, fn) {
    if (!this._listeners.has(name)) this._listeners.set(name, new Set());
    this._listeners.get(name).add(fn);
    return this;
  }
  off(name, fn) { this._listeners.get(name)?.delete(fn); return this; }
  once(name, fn) {
    const wrapped = (...args) => { this.off(name, wrapped); fn(...args); };
    return this.on(name, wrapped);
  }
  emit(name, ...args) {
    const set = this._listeners.get(name);
    if (!set) return false;
    for (const fn of [...set]) {
      try { fn(...args); } catch (e) { console.error(`listener for "${name}" threw`, e); }
    }
    return true;
  }
}

let idSeed = Math.floor(Math.random() * 1_000_000);

/** Next request id: positive, unique per page, like protoo's random 7-digit ids. */
export function nextRequestId() {
  idSeed = (idSeed + 1) % 10_000_000;
  return idSeed + 1;
}

/**
 * Events: 'open', 'close' ({code, reason}), 'notification' (method, data),
 * 'request' (request, accept(data), reject(code, reason)).
 */
export class ProtooSocket extends Emitter {
  /**
   * @param {string} url ws:// URL including roomId/peerId query
   * @param {object} [opts]
   * @param {Function} [opts.WebSocket] WebSocket constructor (defaults to globalThis.WebSocket)
   * @param {number} [opts.requestTimeoutMs] how long a request waits for its response
   */
  constructor(url, { WebSocket: WsImpl = globalThis.WebSocket, requestTimeoutMs = 15000 } = {}) {
    super();
    if (!WsImpl) throw new Error('no WebSocket implementation available');
    this.url = url;
    this._WsImpl = WsImpl;
    this._timeoutMs = requestTimeoutMs;
    this._pending = new Map(); // id -> {resolve, reject, timer, method}
    this._ws = null;
    this.closed = false;
  }

  /** Opens the socket; resolves on 'open', rejects if it closes or errors first. */
  open() {
    return new Promise((resolve, reject) => {
      let settled = false;
      const ws = new this._WsImpl(this.url, 'protoo');
      this._ws = ws;
      ws.onopen = () => { settled = true; this.emit('open'); resolve(); };
      ws.onerror = (ev) => {
        if (!settled) { settled = true; reject(new Error(`WebSocket error connecting to ${this.url}`)); }
      };
      ws.onclose = (ev) => {
        if (!settled) { settled = true; reject(new Error(`WebSocket closed before open (${ev.code})`)); }
        this._onClose(ev.code, ev.reason);
      };
      ws.onmessage = (ev) => this._onMessage(ev.data);
    });
  }

  /** Sends a request and resolves with the response's `data`, or rejects with ProtooError. */
  request(method, data = {}) {
    if (this.closed || !this._ws || this._ws.readyState !== 1) {
      return Promise.reject(new Error(`cannot send ${method}: socket not open`));
    }
    const id = nextRequestId();
    const msg = { request: true, id, method, data };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this._pending.delete(id);
        reject(new Error(`${method} timed out after ${this._timeoutMs} ms`));
      }, this._timeoutMs);
      this._pending.set(id, { resolve, reject, timer, method });
      this._ws.send(JSON.stringify(msg));
    });
  }

  /** Sends a notification (fire and forget). */
  notify(method, data = {}) {
    if (this._ws && this._ws.readyState === 1) {
      this._ws.send(JSON.stringify({ notification: true, method, data }));
    }
  }

  close(code = 1000, reason = 'client close') {
    if (this._ws && this._ws.readyState <= 1) this._ws.close(code, reason);
    this._onClose(code, reason);
  }

  _onClose(code, reason) {
    if (this.closed) return;
    this.closed = true;
    for (const [id, p] of this._pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`${p.method} aborted: socket closed`));
    }
    this._pending.clear();
    this.emit('close', { code, reason });
  }

  _send(obj) {
    if (this._ws && this._ws.readyState === 1) this._ws.send(JSON.stringify(obj));
  }

  _onMessage(raw) {
    let msg;
    try {
      msg = JSON.parse(typeof raw === 'string' ? raw : String(raw));
    } catch (e) {
      console.warn('ignoring non-JSON message', raw);
      return;
    }
    if (msg.response === true) {
      const p = this._pending.get(msg.id);
      if (!p) { console.warn('response for unknown request id', msg.id); return; }
      this._pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.data === undefined ? {} : msg.data);
      else p.reject(new ProtooError(p.method, msg.errorCode, msg.errorReason));
    } else if (msg.request === true) {
      let answered = false;
      const accept = (data = {}) => {
        if (answered) return;
        answered = true;
        this._send({ response: true, id: msg.id, ok: true, data });
      };
      const reject = (errorCode = 500, errorReason = 'error') => {
        if (answered) return;
        answered = true;
        this._send({ response: true, id: msg.id, ok: false, errorCode, errorReason: String(errorReason) });
      };
      if (!this.emit('request', msg, accept, reject)) reject(501, `no handler for ${msg.method}`);
    } else if (msg.notification === true) {
      this.emit('notification', msg.method, msg.data || {});
    } else {
      console.warn('ignoring unknown message', msg);
    }
  }
}
