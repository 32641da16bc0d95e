// While an extension page is open it holds a port to the service worker: the worker then keeps
// the server's event stream open and pulls on every poke, and the page's pings keep it alive.
import { useEffect } from 'preact/hooks';
import { api } from '../messaging/browser-api';
import { LIVE_PORT } from '../sync/config';

const PING_MS = 20_000;

export function useLiveSync(): void {
  useEffect(() => {
    let port: ReturnType<typeof api.runtime.connect> | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    const open = () => {
      try {
        port = api.runtime.connect({ name: LIVE_PORT });
      } catch {
        // No worker to talk to (the extension is reloading): the next ping tries again.
        port = null;
        return;
      }
      // A worker restart drops the port: reconnect so pokes keep coming.
      port.onDisconnect.addListener(() => {
        port = null;
      });
    };
    open();
    timer = setInterval(() => {
      if (!port) open();
      else port.postMessage({ ping: Date.now() });
    }, PING_MS);
    return () => {
      clearInterval(timer);
      port?.disconnect();
    };
  }, []);
}
