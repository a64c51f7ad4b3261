/**
 * Guard: the browser tests may only run inside the namespace made by run-in-netns.sh, where the only
 * interfaces are lo and the veth pair v0/v1 (10.99.0.1/.2). Chromium sends ICE checks from every
 * host candidate, so running elsewhere would send test traffic to the machine's real addresses.
 */
import os from 'node:os';

export const NETNS_IP = '10.99.0.1';
export const NETNS_PEER_IP = '10.99.0.2';

export function assertInTestNetns() {
  const ifs = os.networkInterfaces();
  const names = Object.keys(ifs).sort();
  const allowed = new Set(['lo', 'v0', 'v1']);
  const extra = names.filter((n) => !allowed.has(n));
  const v0 = (ifs.v0 || []).some((a) => a.address === NETNS_IP);
  if (extra.length || !v0 || process.env.SFU4J_E2E_IN_NETNS !== '1') {
    throw new Error(`refusing to run: not inside the e2e network namespace (interfaces: ${names.join(',')}). `
      + 'Run through: bash e2e/run-in-netns.sh');
  }
}

/** True when an ICE candidate line only names addresses inside the namespace or loopback. */
export function candidateStaysInside(candidateLine) {
  const parts = candidateLine.split(' ');
  const ip = parts[4];
  return /^10\.99\.0\.\d+$/.test(ip) || /^127\./.test(ip) || ip === '::1';
}
