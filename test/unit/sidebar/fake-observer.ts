// A stand-in for the browser's IntersectionObserver in happy-dom, for the click-jacking guard's
// tests: the test says what the browser would report about a control's visibility.
/** A stand-in for the browser's observer: the test says what the browser would report. */
export class FakeObserver {
  static all: FakeObserver[] = [];
  static options: (IntersectionObserverInit & { trackVisibility?: boolean; delay?: number })[] = [];
  targets: Element[] = [];
  constructor(
    private readonly callback: IntersectionObserverCallback,
    options: IntersectionObserverInit,
  ) {
    FakeObserver.all.push(this);
    FakeObserver.options.push(options);
  }
  observe(el: Element) {
    this.targets.push(el);
  }
  disconnect() {
    this.targets = [];
  }
  unobserve() {}
  takeRecords() {
    return [];
  }
  /** isVisible as IO v2 reports it; undefined is what a browser without v2 (Firefox) reports. */
  report(isVisible: boolean | undefined) {
    const entries = this.targets.map((target) => ({ target, isIntersecting: true, isVisible }));
    this.callback(entries as unknown as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
  }
}
