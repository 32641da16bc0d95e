// Bearer tokens `<tokenId>.<secret>`: the id finds the row, the 256-bit secret is stored only as a
// SHA-256 hash and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface NewToken {
  tokenId: string;
  /** The full bearer token; shown once, never stored. */
  token: string;
  secretSha256: string;
}

const TOKEN = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export function newToken(): NewToken {
  const tokenId = randomBytes(12).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { tokenId, token: `${tokenId}.${secret}`, secretSha256: sha256(secret) };
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Splits a bearer token; null when it is not shaped like one of ours. */
export function parseToken(token: string): { tokenId: string; secret: string } | null {
  const m = TOKEN.exec(token);
  return m ? { tokenId: m[1] as string, secret: m[2] as string } : null;
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerOf(header: string | undefined): string | null {
  const m = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  return m ? (m[1] as string) : null;
}

// A fixed hash to compare against when the token id is unknown, so a miss costs the same time.
const DECOY = sha256('decoy');

/** Whether `secret` matches the stored hash; constant time in the secret. */
export function secretMatches(secret: string, storedSha256: string | undefined): boolean {
  const expected = Buffer.from(storedSha256 ?? DECOY, 'hex');
  const actual = Buffer.from(sha256(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual) && storedSha256 !== undefined;
}
