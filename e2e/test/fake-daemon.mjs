/**
 * The fake protocol server dressed as the daemon's CLI, so the whole netns runner path (start,
 * /health wait, scenarios, exit status, log tail) can be exercised without the real daemon:
 *   bash e2e/run-in-netns.sh --only 2 -- node e2e/test/fake-daemon.mjs
 * It moves NO media: scenarios that wait for decoded frames must FAIL against it (with their
 * deadline message showing the stats last seen). Accepts and ignores the daemon's other options.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeSfuServer } from './fake-sfu-server.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const here = path.dirname(fileURLToPath(import.meta.url));
const srv = await startFakeSfuServer({
  host: opt('--http-ip', '127.0.0.1'),
  port: Number(opt('--http-port', '4443')),
  staticDir: path.resolve(here, '../../sfu-daemon/src/main/resources/static'),
});
console.log(`fake daemon (NO media) listening on ${srv.url}`);
process.on('SIGTERM', () => { srv.close().then(() => process.exit(0)); });
