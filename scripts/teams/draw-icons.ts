/**
 * Draws Lotse's built-in Teams icons — a compass rose in a ring — and writes them to
 * scripts/teams/icons/ (color.png 192x192, outline.png 32x32 white on transparent):
 *
 *   npx tsc -p tsconfig.build.json && node dist/scripts/teams/draw-icons.js
 *
 * The PNGs are committed; `npm run teams:package` only copies and checks them. To use the
 * cooperation's own logo instead, replace the two files (same sizes; outline white on transparent).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RgbaImage } from './png';
import { encodePng } from './png';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

/** Navy of the color icon's background; also the manifest's accentColor. */
export const ACCENT_COLOR = '#1F4E79';
const NAVY: Rgb = [0x1f, 0x4e, 0x79];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const AMBER: Rgb = [0xf2, 0xa9, 0x00];

/** The mark in unit coordinates (0..1, centre 0.5): star point radius, waist radius, ring. */
interface Mark {
  readonly point: number;
  readonly waist: number;
  readonly ring: readonly [number, number];
  readonly colors: { readonly background?: Rgb; readonly body: Rgb; readonly north: Rgb };
}

const COLOR_MARK: Mark = { point: 0.33, waist: 0.09, ring: [0.205, 0.245], colors: { background: NAVY, body: WHITE, north: AMBER } };
const OUTLINE_MARK: Mark = { point: 0.47, waist: 0.13, ring: [0.29, 0.36], colors: { body: WHITE, north: WHITE } };

function polar(angleDegrees: number, radius: number): Point {
  const radians = (angleDegrees * Math.PI) / 180;
  return [0.5 + radius * Math.cos(radians), 0.5 + radius * Math.sin(radians)];
}

function inside(polygon: readonly Point[], [x, y]: Point): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/** The colour of the mark at one point, or undefined where the background shows. */
function colorAt(mark: Mark, point: Point): Rgb | undefined {
  const star = Array.from({ length: 8 }, (_, k) => polar(-90 + k * 45, k % 2 === 0 ? mark.point : mark.waist));
  const north = [[0.5, 0.5] as Point, polar(-135, mark.waist), polar(-90, mark.point), polar(-45, mark.waist)];
  if (inside(north, point)) return mark.colors.north;
  const distance = Math.hypot(point[0] - 0.5, point[1] - 0.5);
  if (inside(star, point) || (distance >= mark.ring[0] && distance <= mark.ring[1])) return mark.colors.body;
  return mark.colors.background;
}

/** Renders the mark at `size` pixels with 4x4 supersampling for smooth edges. */
export function renderMark(mark: Mark, size: number): RgbaImage {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const color = colorAt(mark, [(x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size]);
          if (!color) continue;
          color.forEach((channel, i) => (sum[i] = (sum[i] ?? 0) + channel));
          sum[3] = (sum[3] ?? 0) + 1;
        }
      }
      const covered = sum[3] ?? 0;
      const offset = (y * size + x) * 4;
      for (let i = 0; i < 3; i += 1) rgba[offset + i] = covered === 0 ? 0 : Math.round((sum[i] ?? 0) / covered);
      rgba[offset + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return { width: size, height: size, rgba };
}

function main(): void {
  const root = path.basename(path.resolve(__dirname, '..', '..')) === 'dist' ? path.resolve(__dirname, '..', '..', '..') : path.resolve(__dirname, '..', '..');
  const dir = path.join(root, 'scripts', 'teams', 'icons');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'color.png'), encodePng(renderMark(COLOR_MARK, 192)));
  writeFileSync(path.join(dir, 'outline.png'), encodePng(renderMark(OUTLINE_MARK, 32)));
  console.log(`wrote color.png and outline.png to ${path.relative(process.cwd(), dir) || dir}`);
}

if (require.main === module) {
  main();
}
