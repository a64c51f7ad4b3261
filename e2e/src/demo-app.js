/**
 * sfu4j demo page: join a room (?roomId=&peerId=, random when absent), publish camera and/or mic,
 * and see a tile for every other peer's streams. Bundled by e2e/build.sh into
 * sfu-daemon/src/main/resources/static/app.js.
 */
import { Sfu4jClient, signalingUrl } from './sfu4j-client.js';

const $ = (sel) => document.querySelector(sel);
const q = new URLSearchParams(location.search);
const roomId = q.get('roomId') || Math.random().toString(36).slice(2, 8);
const peerId = q.get('peerId') || `peer-${Math.random().toString(36).slice(2, 8)}`;
const displayName = q.get('displayName') || peerId;
const codec = (q.get('codec') || 'VP8').toUpperCase();

if (!q.get('roomId')) {
  q.set('roomId', roomId);
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

const tiles = new Map(); // peerId -> tile element
let client = null;
let camProducer = null;
let micProducer = null;

function status(text, isError = false) {
  const el = $('#status');
  el.textContent = text;
  el.className = isError ? 'error' : '';
}

function tileFor(id, name) {
  let tile = tiles.get(id);
  if (!tile) {
    tile = document.createElement('div');
    tile.className = 'tile';
    tile.innerHTML = '<div class="media"></div><div class="label"></div>';
    $('#tiles').appendChild(tile);
    tiles.set(id, tile);
  }
  tile.querySelector('.label').textContent = name || id;
  return tile;
}

function removeTile(id) {
  tiles.get(id)?.remove();
  tiles.delete(id);
}

function addConsumer(consumer) {
  const pid = consumer.appData.peerId;
  const tile = tileFor(pid, client.peers.get(pid)?.displayName);
  const el = document.createElement(consumer.kind);
  el.autoplay = true;
  el.playsInline = true;
  el.id = `c-${consumer.id}`;
  el.srcObject = new MediaStream([consumer.track]);
  if (consumer.kind === 'audio') el.className = 'hidden-audio';
  tile.querySelector('.media').appendChild(el);
  el.play().catch(() => status('Click anywhere to start audio playback'));
}

function removeConsumer(consumerId) {
  document.getElementById(`c-${consumerId}`)?.remove();
}

async function toggleCamera() {
  const btn = $('#btn-cam');
  if (camProducer) {
    await client.closeProducer(camProducer.id);
    camProducer.track?.stop();
    camProducer = null;
    $('#local').srcObject = null;
    btn.textContent = 'Publish camera';
    return;
  }
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  const track = stream.getVideoTracks()[0];
  $('#local').srcObject = new MediaStream([track]);
  camProducer = await client.produceCamera({ track, codec, simulcast: codec === 'VP8' });
  btn.textContent = 'Stop camera';
}

async function toggleMic() {
  const btn = $('#btn-mic');
  if (micProducer) {
    await client.closeProducer(micProducer.id);
    micProducer.track?.stop();
    micProducer = null;
    btn.textContent = 'Publish mic';
    return;
  }
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  micProducer = await client.produceMic({ track: stream.getAudioTracks()[0] });
  btn.textContent = 'Stop mic';
}

function guard(fn) {
  return () => fn().catch((e) => { console.error(e); status(String(e.message || e), true); });
}

async function main() {
  $('#room').textContent = roomId;
  $('#me').textContent = displayName;
  $('#share').href = `${location.pathname}?roomId=${encodeURIComponent(roomId)}`;
  status('connecting…');
  client = new Sfu4jClient({ url: signalingUrl(location, roomId, peerId), roomId, peerId, displayName });
  client.on('consumer', addConsumer);
  client.on('consumerClosed', ({ consumerId }) => removeConsumer(consumerId));
  client.on('newPeer', (p) => tileFor(p.id, p.displayName));
  client.on('peerClosed', ({ peerId: id }) => removeTile(id));
  client.on('close', () => status('disconnected from the server (reload to rejoin)', true));
  await client.connect();
  await client.load();
  await client.createTransports();
  const { peers = [] } = await client.join({ subscribe: 'auto', displayName });
  for (const p of peers) tileFor(p.id, p.displayName);
  status(`joined as ${displayName} (${client.device.handlerName})`);
  $('#btn-cam').disabled = !client.device.canProduce('video');
  $('#btn-mic').disabled = !client.device.canProduce('audio');
  $('#btn-cam').onclick = guard(toggleCamera);
  $('#btn-mic').onclick = guard(toggleMic);
  document.body.addEventListener('click', () => {
    document.querySelectorAll('audio').forEach((a) => a.play().catch(() => {}));
  });
  window.sfu4jDemo = { client };
}

main().catch((e) => { console.error(e); status(`failed: ${e.message || e}`, true); });
