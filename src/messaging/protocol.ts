// Typed send and handle over the maps: senders and handlers are checked by the compiler,
// payloads by the receiver. A malformed message gets an ErrorReply, never an exception.
import { describeIssues } from '../core/issues';
import type { Direction, Envelope, ErrorReply, Maps, MessageName, Payload, Reply } from './maps';

export class MessageError extends Error {
  constructor(
    readonly code: ErrorReply['error']['code'],
    message: string,
  ) {
    super(message);
  }
}

export const envelope = <D extends Direction, K extends MessageName<D>>(
  dir: D,
  name: K,
  payload: Payload<D, K>,
): Envelope => ({
  dir,
  name: String(name),
  payload,
});

/** Unwraps an answer: an ErrorReply becomes a thrown MessageError. */
export function unwrap<T>(reply: unknown): T {
  if (reply && typeof reply === 'object' && 'error' in reply) {
    const { code, message } = (reply as ErrorReply).error;
    throw new MessageError(code, message);
  }
  return reply as T;
}

export type Handlers<D extends Direction, Sender> = {
  [K in MessageName<D>]: (payload: Payload<D, K>, sender: Sender) => Promise<Reply<K>> | Reply<K>;
};

/**
 * Dispatches one raw message of direction `dir`: validates the envelope and payload, checks the
 * sender, runs the handler. Returns undefined for messages of another direction (so other
 * listeners may answer them).
 */
export async function dispatch<D extends Direction, Sender>(
  dir: D,
  maps: Maps[D],
  handlers: Handlers<D, Sender>,
  raw: unknown,
  sender: Sender,
  senderAllowed: (sender: Sender) => boolean,
): Promise<unknown> {
  if (!raw || typeof raw !== 'object' || (raw as Envelope).dir !== dir) return undefined;
  const { name, payload } = raw as Envelope;
  const fail = (code: ErrorReply['error']['code'], message: string): ErrorReply => ({
    error: { code, message },
  });
  if (!senderAllowed(sender))
    return fail('forbidden', `Message ${String(name)} refused: sender not allowed.`);
  const schema = (
    maps as Record<
      string,
      { safeParse: (v: unknown) => { success: boolean; error?: unknown; data?: unknown } }
    >
  )[name];
  const handler = (handlers as Record<string, (p: unknown, s: Sender) => unknown>)[name];
  if (typeof name !== 'string' || !schema || !handler)
    return fail('unknown-message', `Unknown message ${String(name).slice(0, 60)}.`);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    return fail(
      'bad-request',
      `Malformed ${name}: ${describeIssues(parsed.error as Parameters<typeof describeIssues>[0])}`,
    );
  }
  try {
    const reply = await handler(parsed.data, sender);
    // null is an answer (e.g. "not connected"); only a handler that returns nothing gets { ok }.
    return reply === undefined ? { ok: true } : reply;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(error instanceof MessageError ? error.code : 'failed', message);
  }
}
