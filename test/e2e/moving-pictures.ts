// Proof that live pictures arrive on a canvas: the test RTSP source's ball moves every picture,
// so a cheap fingerprint of the canvas must change.
import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/** A cheap fingerprint of what a canvas shows now: its size and a hash of its pixels. */
export function canvasPixels(canvas: Locator): Promise<string> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    if (c.width === 0) return '';
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < data.length; i += 4) h = (h * 31 + data[i]! + data[i + 1]! * 7 + data[i + 2]! * 13) | 0;
    return `${c.width}x${c.height}:${h}`;
  });
}

/** The canvas shows the test source's 320×240 pictures, and they change. */
export async function expectMoving(canvas: Locator): Promise<void> {
  await expect.poll(() => canvasPixels(canvas), { timeout: 10_000 }).toMatch(/^320x240:/);
  const first = await canvasPixels(canvas);
  await expect.poll(() => canvasPixels(canvas), { timeout: 5000 }).not.toBe(first);
}
