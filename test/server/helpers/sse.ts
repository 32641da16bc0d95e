// Reads a Server-Sent Events stream with fetch (as an MV3 service worker must: EventSource cannot
// send an Authorization header) and waits for pokes.

export interface EventStream {
  /** Every seq received so far. */
  seqs: number[];
  /** Resolves with the first seq ≥ `atLeast`, or rejects after `deadlineMs`. */
  waitFor(atLeast: number, deadlineMs?: number): Promise<number>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEvents(baseUrl: string, token: string): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/v1/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status} ${await res.text()}`);
  const seqs: number[] = [];
  const waiters = new Set<() => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = /^data: (.*)$/m.exec(block);
          if (/^event: seq$/m.test(block) && data)
            seqs.push((JSON.parse(data[1] as string) as { seq: number }).seq);
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    seqs,
    ended,
    close: () => controller.abort(),
    waitFor(atLeast, deadlineMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = seqs.find((s) => s >= atLeast);
          if (hit === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no poke with seq ≥ ${atLeast} within ${deadlineMs} ms (got ${seqs.join(', ')})`));
        }, deadlineMs);
        waiters.add(check);
        check();
      });
    },
  };
}
