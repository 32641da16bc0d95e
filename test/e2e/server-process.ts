// A real sync server process for end-to-end tests: `npm run server`'s entry on a temporary
// PGlite data directory, on a free loopback port, with workspaces made through the CLI.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = ['--import', 'tsx/esm', 'src/server/main.ts'];

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  url: string;
  dataDir: string;
  /** Runs the admin CLI (the server must be stopped: PGlite is one process per directory). */
  cli<T>(...args: string[]): T;
  /**
   * Starts the server and waits until it answers (`within` ms: a busy machine is slow to start
   * PGlite). `fault` arms a crash point of src/server/fault.ts, e.g. `after-push-commit:1`.
   */
  start(within?: number, fault?: string): Promise<void>;
  /** Resolves when the running server has exited by itself (a fault point killed it). */
  exited(): Promise<void>;
  /** SIGTERM (graceful) or SIGKILL (a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  dispose(): Promise<void>;
}

export async function serverProcess(): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'decidedly-e2e-server-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  let child: ChildProcess | null = null;

  const self: ServerProcess = {
    url,
    dataDir,
    cli<T>(...args: string[]) {
      const out = execFileSync(process.execPath, [...ENTRY, ...args, '--json'], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      });
      return JSON.parse(out) as T;
    },
    async start(within = 30_000, fault?: string) {
      const childEnv = fault ? { ...env, DECIDEDLY_FAULT: fault } : env;
      child = spawn(process.execPath, ENTRY, {
        cwd: ROOT,
        env: childEnv,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const deadline = Date.now() + within;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
        const ok = await fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return;
        await new Promise((r) => setTimeout(r, 150));
      }
      throw new Error(`The server did not start within ${within / 1000} s`);
    },
    async exited() {
      const running = child;
      if (!running) return;
      if (running.exitCode === null && running.signalCode === null)
        await new Promise((r) => running.once('exit', r));
      child = null;
    },
    async stop(signal = 'SIGTERM') {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((r) => running.once('exit', r));
      running.kill(signal);
      await exited;
      child = null;
    },
    async dispose() {
      await self.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
