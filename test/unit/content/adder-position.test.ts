// Where the "Log decision" button and the hover tip go: clear of the selected words and the ones after them, and
// inside the viewport. (Following scroll and the tab order are checked in real Chromium.)
import { describe, expect, it } from 'vitest';
import { adderPosition, type Box } from '../../../src/content/adder';
import { TIP_HEIGHT, TIP_WIDTH, tipPosition } from '../../../src/content/hover-tip';

const size = { width: 100, height: 27 };
const viewport = { width: 1000, height: 800 };
const line = (left: number, top: number, right: number, height = 20): Box => ({
  left,
  top,
  right,
  bottom: top + height,
});
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const boxAt = (at: { left: number; top: number }): Box => ({
  left: at.left,
  top: at.top,
  right: at.left + size.width,
  bottom: at.top + size.height,
});

describe('adderPosition', () => {
  it('goes above the first line, clear of the selection and of the words after it', () => {
    const lines = [line(300, 400, 900), line(40, 420, 500)];
    const at = adderPosition(lines, size, viewport);
    expect(at).toEqual({ left: 300, top: 400 - 6 - 27 });
    const after = line(500, 420, 700); // the rest of the last line
    const next = line(40, 440, 900); // the line below
    for (const box of [...lines, after, next]) expect(overlaps(boxAt(at as never), box)).toBe(false);
  });

  it('goes below the last line when the first is at the top edge', () => {
    const at = adderPosition([line(300, 10, 900), line(40, 30, 500)], size, viewport);
    expect(at).toEqual({ left: 40, top: 56 });
  });

  it('stays inside the viewport horizontally', () => {
    expect(adderPosition([line(950, 400, 990)], size, viewport)?.left).toBe(1000 - 100 - 4);
  });

  it('hides while the selection is scrolled out of view', () => {
    expect(adderPosition([line(40, -200, 500)], size, viewport)).toBeNull();
    expect(adderPosition([line(40, 900, 500)], size, viewport)).toBeNull();
  });
});

describe('tipPosition', () => {
  it('goes below-right of the pointer, or above it near the bottom, inside the viewport', () => {
    expect(tipPosition({ x: 100, y: 100 }, viewport)).toEqual({ left: 112, top: 118, above: false });
    const low = tipPosition({ x: 990, y: 780 }, viewport);
    expect(low).toEqual({ left: 1000 - TIP_WIDTH - 4, top: 780 - 8 - TIP_HEIGHT, above: true });
  });
});
