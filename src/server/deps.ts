// What route modules share: the store, the SSE hub, the clock and the fault hook.
import type { EventHub } from './events';
import type { Fault } from './fault';
import type { Store } from './store/store';

export interface Deps {
  store: Store;
  events: EventHub;
  /** Server wall clock in ms (HLC skew checks); injectable for tests. */
  clock: () => number;
  fault: Fault;
}
