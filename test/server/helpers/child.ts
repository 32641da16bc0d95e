// Server and CLI child processes, run the way `npm run server` runs them. Every spawned process is
// tracked and killed by `killAll()` (call it in afterEach/afterAll).
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = 'src/server/main.ts';
const live = new Set<ChildProcess>();

export interface ServerProcess {
  url: string;
  pid: number;
  /** Every log line so far (JSON from pino). */
  logs: string[];
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
}

function baseEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // Only what the server reads, so the developer's own DATABASE_URL or DATA_DIR cannot leak in.
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env };
}

/** Starts `npm run server` with `env` on a free port and waits until it listens. */
export function spawnServer(env: Record<string, string>, deadlineMs = 45_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', ENTRY], {
    cwd: ROOT,
    env: baseEnv({ PORT: '0', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );
  const logs: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${deadlineMs} ms\n${stderr}`));
    }, deadlineMs);
    let buffer = '';
    child.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        let entry: { msg?: string; url?: string } = {};
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          continue; // Not a log line (a warning printed by Node or tsx).
        }
        if (entry.msg === 'Decidedly sync server listening' && entry.url) {
          clearTimeout(timer);
          resolve({
            url: entry.url,
            pid: child.pid as number,
            logs,
            exited,
            kill: (signal = 'SIGKILL') => child.kill(signal),
          });
        }
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening\n${stderr}`));
    });
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run server -- <args>` to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', ENTRY, ...args], {
    cwd: ROOT,
    env: baseEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      live.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Kills every child process still running (test cleanup). */
export async function killAll(): Promise<void> {
  const waits = [...live].map(
    (child) =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  );
  await Promise.all(waits);
}
