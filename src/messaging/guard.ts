// Tiny validators for the background → content messages. Zod costs ~15 KB minified in the
// content script, more than its whole budget allows; these five shapes need only this, and they
// answer the same `safeParse` contract the dispatcher uses for the Zod maps.
export interface Issue {
  path: (string | number)[];
  message: string;
  code: string;
}
export type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };
export interface Guard<T> {
  safeParse(value: unknown): Parsed<T>;
  /** Carries the type for `z.input`-style inference; never set at runtime. */
  readonly _type?: T;
}

type Check = (value: unknown) => string | null;
const UUID = /^[0-9a-f-]{36}$/;

export const uuid: Check = (v) => (typeof v === 'string' && UUID.test(v) ? null : 'expected a UUID');
export const bool: Check = (v) => (typeof v === 'boolean' ? null : 'expected boolean');
/** A string of at most `max` characters. */
export const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max ? null : 'expected text';
export const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? null : check(v);

/** An object with exactly these keys (unknown keys are refused, as z.strictObject does). */
export function shape<T>(checks: Record<string, Check>): Guard<T> {
  return {
    safeParse(value) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        return {
          success: false,
          error: { issues: [{ path: [], message: 'expected object', code: 'invalid_type' }] },
        };
      }
      const issues: Issue[] = [];
      for (const key of Object.keys(value)) {
        if (!(key in checks)) issues.push({ path: [key], message: 'unknown key', code: 'unrecognized_keys' });
      }
      for (const [key, check] of Object.entries(checks)) {
        const problem = check((value as Record<string, unknown>)[key]);
        if (problem) issues.push({ path: [key], message: problem, code: 'custom' });
      }
      return issues.length ? { success: false, error: { issues } } : { success: true, data: value as T };
    },
  };
}
