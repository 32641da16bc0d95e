// The connection to a sync server, kept in storage.local: the token never reaches a web page and
// no extension page needs to hold it.
import { api } from '../messaging/browser-api';

export interface SyncConfig {
  url: string;
  token: string;
  workspaceId: string;
  workspaceName: string;
  memberId: string;
  memberName: string;
}

/** What pages may see of the connection: everything but the token. */
export type SyncConnection = Omit<SyncConfig, 'token'>;

const KEY = 'syncConfig';
export const PRIVATE_HOSTS_KEY = 'privateQuoteHosts';
/** The port pages hold open to get live pokes. */
export const LIVE_PORT = 'decidedly-sync-live';

export async function loadConfig(): Promise<SyncConfig | null> {
  const got = await api.storage.local.get(KEY);
  return (got[KEY] as SyncConfig | undefined) ?? null;
}

export async function saveConfig(config: SyncConfig | null): Promise<void> {
  if (config) await api.storage.local.set({ [KEY]: config });
  else await api.storage.local.remove(KEY);
}

export async function privateHosts(): Promise<string[]> {
  const got = await api.storage.local.get(PRIVATE_HOSTS_KEY);
  return Array.isArray(got[PRIVATE_HOSTS_KEY]) ? (got[PRIVATE_HOSTS_KEY] as string[]) : [];
}

/** The server's origin, e.g. https://sync.example.com — what host permission is asked for. */
export function serverOrigin(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error('The server URL must start with https:// (or http:// on your own machine).');
  return parsed.origin;
}
