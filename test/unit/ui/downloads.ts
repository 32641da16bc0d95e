// Captures what the pages hand to the browser's downloads (<a download> clicks on Blob URLs).
import { vi } from 'vitest';

export interface Saved {
  name: string;
  blob: Blob;
}

/** Starts capturing; returns the list the downloads land in. */
export function captureDownloads(): Saved[] {
  const saved: Saved[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    n += 1;
    const url = `blob:test/${n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob && this.download) saved.push({ name: this.download, blob });
  });
  return saved;
}
