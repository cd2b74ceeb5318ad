import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/**
 * `npm run icons`: draws the app's two icons. Color: 192×192, a white "switch" ring with an arrow on
 * KOMBIT blue. Outline: 32×32, the same ring in white on transparent, as Teams requires.
 */
const BLUE = [0x1f, 0x4e, 0x79];

function draw(size: number, background: number[] | null): PNG {
  const png = new PNG({ width: size, height: size });
  const centre = (size - 1) / 2;
  const outer = size * 0.36;
  const inner = outer - Math.max(2, size * 0.075);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const dx = x - centre;
      const dy = y - centre;
      const distance = Math.hypot(dx, dy);
      const angle = Math.atan2(dy, dx);
      // A ring with a gap at the upper right, where the arrow head sits.
      const onRing = distance <= outer && distance >= inner && !(angle > -Math.PI / 2.2 && angle < -Math.PI / 8);
      const head = arrowHead(x, y, size);
      const dot = distance <= size * 0.09;
      const white = onRing || head || dot;
      const at = (y * size + x) * 4;
      if (white) png.data.set([255, 255, 255, 255], at);
      else if (background) png.data.set([...background, 255], at);
      else png.data.set([0, 0, 0, 0], at);
    }
  }
  return png;
}

/** A triangle pointing down, at the end of the ring's gap. */
function arrowHead(x: number, y: number, size: number): boolean {
  const tipX = size * 0.5 + size * 0.36 * Math.cos(-Math.PI / 8) - size * 0.03;
  const topY = size * 0.5 + size * 0.36 * Math.sin(-Math.PI / 8) - size * 0.16;
  const height = size * 0.16;
  const half = size * 0.11;
  const progress = (y - topY) / height;
  return progress >= 0 && progress <= 1 && Math.abs(x - tipX) <= half * (1 - progress);
}

const folder = new URL('./', import.meta.url);
writeFileSync(new URL('color.png', folder), PNG.sync.write(draw(192, BLUE)));
writeFileSync(new URL('outline.png', folder), PNG.sync.write(draw(32, null)));
console.log('manifest/color.png (192×192) and manifest/outline.png (32×32) written');
