// Listens to the server's Server-Sent Events with the bearer token (EventSource cannot send
// headers): a fetch whose body is read as an event stream. Each "seq" event is a poke.
import type { Fetch, SyncServer } from './client';

/** Parses SSE lines; calls `onSeq` for each `event: seq` with its number. */
export function sseParser(onSeq: (seq: number) => void) {
  let buffer = '';
  let event = 'message';
  let data = '';
  return (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split(/\r?\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (event === 'seq' && data) {
          const seq = Number((JSON.parse(data) as { seq?: unknown }).seq);
          if (Number.isFinite(seq)) onSeq(seq);
        }
        event = 'message';
        data = '';
      } else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    }
  };
}

/** Streams pokes until `signal` aborts or the connection ends (then it resolves). */
export async function listenForPokes(
  server: SyncServer,
  onSeq: (seq: number) => void,
  signal: AbortSignal,
  fetchImpl: Fetch = fetch,
): Promise<void> {
  const response = await fetchImpl(new URL('/v1/events', server.url), {
    headers: { authorization: `Bearer ${server.token}`, accept: 'text/event-stream' },
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
  const parse = sseParser(onSeq);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    parse(value);
  }
}
