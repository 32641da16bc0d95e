// The fixture pages at their real URLs for Firefox, which has no request interception here:
// Firefox's proxy prefs point at this CONNECT proxy, which terminates TLS for the fixture hosts
// with a throwaway self-signed certificate (the browser runs with acceptInsecureCerts) and
// answers from the fixture table. Every other host is refused, so nothing leaves the machine.
// Loopback (the tests' sync server) never goes through a proxy in Firefox.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { fixtureFor, fixturePages, readFixture } from '../fixtures/pages/index';

export interface FixtureProxy {
  port: number;
  /** Serves `html` at `url` (over the fixture table) from now on; its host is let through. */
  serve(url: string, html: string): void;
  /** Hosts that were asked for and refused, for a test to show what tried to leave. */
  refused: Set<string>;
  close(): Promise<void>;
}

/** A key and certificate made now with openssl, valid for a day, for no one but this run. */
function throwawayCertificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'decidedly-cert-'));
  try {
    const names = hosts.map((h) => `DNS:${h}`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=Decidedly test fixtures',
        '-addext',
        `subjectAltName=${names}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch (error) {
    throw new Error(`openssl could not make the test certificate (apt-get install -y openssl): ${error}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startFixtureProxy(): Promise<FixtureProxy> {
  const overrides = new Map<string, string>();
  const refused = new Set<string>();
  const hosts = () =>
    new Set([
      ...fixturePages.map((p) => new URL(p.url).host),
      ...[...overrides.keys()].map((u) => new URL(u).host),
    ]);
  const { key, cert } = throwawayCertificate([...hosts()]);

  const page = (url: string): string | null => {
    const bare = url.split('#')[0] ?? url;
    const fixture = fixtureFor(bare);
    return overrides.get(bare) ?? (fixture ? readFixture(fixture.file) : null);
  };
  const answer = (scheme: string) => (req: IncomingMessage, res: ServerResponse) => {
    const url = `${scheme}://${req.headers.host}${req.url}`;
    const html = req.method === 'GET' ? page(url) : null;
    if (html === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not a fixture');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  };

  // Decrypted CONNECT tunnels are fed to this server as if they were its own connections.
  const inner = createServer(answer('https'));
  const proxy: Server = createServer((req, res) => {
    // A plain-HTTP proxy request carries the absolute URL.
    const target = req.url?.startsWith('http://') ? new URL(req.url) : null;
    if (!target || !hosts().has(target.host)) {
      refused.add(target?.host ?? String(req.url));
      res.writeHead(403).end();
      return;
    }
    req.url = target.pathname + target.search;
    answer('http')(req, res);
  });
  proxy.on('connect', (req: IncomingMessage, client: Socket) => {
    const target = req.url ?? '';
    const host = target.endsWith(':443') ? target.slice(0, -4) : target;
    if (!hosts().has(host)) {
      refused.add(target);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      const tls = new TLSSocket(client, { isServer: true, key, cert });
      tls.on('error', () => client.destroy());
      inner.emit('connection', tls);
    });
    client.on('error', () => {});
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    port: (proxy.address() as AddressInfo).port,
    serve: (url, html) => overrides.set(url, html),
    refused,
    close: () =>
      new Promise<void>((done) => {
        proxy.closeAllConnections();
        inner.closeAllConnections();
        proxy.close(() => done());
      }),
  };
}
