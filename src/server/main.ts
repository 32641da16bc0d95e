// Entry point of `npm run server`: with no arguments it serves the API; otherwise it runs an admin
// command. Nothing runs on import; only executing this file calls `main`.
import { pathToFileURL } from 'node:url';
import { runCliSafely } from './cli';
import { configFromEnv } from './config';
import { serve } from './serve';
import { DataDirLockedError } from './store/lock';

export async function main(argv: string[]): Promise<void> {
  const config = configFromEnv();
  if (argv.length === 0 || argv[0] === 'serve') {
    await serve(config);
    return;
  }
  process.exitCode = await runCliSafely(argv, config);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    // A locked data directory is an expected situation with a clear remedy, not a crash.
    console.error(error instanceof DataDirLockedError ? error.message : error);
    process.exit(1);
  });
}
