import { PNG } from 'pngjs';

/** Teams app icon sizes (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package). */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Rgba = readonly [number, number, number, number];
/** [left, top, right, bottom) in glyph units. */
type Rect = readonly [number, number, number, number];

const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

/**
 * A door in its frame standing on a threshold: the lobby people wait in. Drawn on a 32-unit grid so the 32×32
 * outline icon is pixel-exact (only fully white or fully transparent pixels), and scaled ×3 for the colour icon,
 * whose symbol Teams wants in the central 96×96 of 192×192.
 */
const GLYPH_UNITS = 32;
const glyph: { fill: readonly Rect[]; cut: readonly Rect[] } = {
  fill: [
    [7, 4, 9, 28], // left post
    [23, 4, 25, 28], // right post
    [7, 4, 25, 6], // lintel
    [11, 8, 21, 28], // door leaf
    [4, 28, 28, 30], // threshold
  ],
  cut: [[17, 17, 19, 19]], // door knob, seen as a hole in the leaf
};

function inside([left, top, right, bottom]: Rect, x: number, y: number): boolean {
  return x >= left && x < right && y >= top && y < bottom;
}

function glyphCovers(x: number, y: number): boolean {
  return glyph.fill.some((rect) => inside(rect, x, y)) && !glyph.cut.some((rect) => inside(rect, x, y));
}

function render(size: number, scale: number, background: Rgba, foreground: Rgba): Buffer {
  const png = new PNG({ width: size, height: size });
  const offset = (size - GLYPH_UNITS * scale) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const gx = Math.floor((x - offset) / scale);
      const gy = Math.floor((y - offset) / scale);
      const colour = x >= offset && y >= offset && glyphCovers(gx, gy) ? foreground : background;
      png.data.set(colour, (y * size + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

export function parseHexColour(hex: string): Rgba {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Expected a colour like #2f5ea8, got "${hex}"`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16), 255];
}

/** The full-colour icon: the white door on the app's accent colour. */
export function renderColorIcon(accentColour: string): Buffer {
  return render(COLOR_ICON_SIZE, 3, parseHexColour(accentColour), WHITE);
}

/** The outline icon: the white door on a transparent background. */
export function renderOutlineIcon(): Buffer {
  return render(OUTLINE_ICON_SIZE, 1, TRANSPARENT, WHITE);
}

interface DecodedIcon {
  width: number;
  height: number;
  pixels: Rgba[];
}

function decode(name: string, file: Buffer): DecodedIcon | string {
  try {
    const png = PNG.sync.read(file);
    const pixels: Rgba[] = [];
    for (let i = 0; i < png.data.length; i += 4) {
      pixels.push([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!]);
    }
    return { width: png.width, height: png.height, pixels };
  } catch (error) {
    return `${name}: not a readable PNG (${error instanceof Error ? error.message : String(error)})`;
  }
}

function sizeProblems(name: string, icon: DecodedIcon, size: number): string[] {
  return icon.width === size && icon.height === size
    ? []
    : [`${name}: must be ${size}×${size} pixels, is ${icon.width}×${icon.height}`];
}

export function checkColorIcon(file: Buffer, name = 'color icon'): string[] {
  const icon = decode(name, file);
  if (typeof icon === 'string') return [icon];
  const problems = sizeProblems(name, icon, COLOR_ICON_SIZE);
  const colours = new Set(icon.pixels.filter((p) => p[3] > 0).map((p) => p.join(',')));
  if (colours.size < 2) problems.push(`${name}: has no visible symbol (${colours.size} visible colour)`);
  return problems;
}

export function checkOutlineIcon(file: Buffer, name = 'outline icon'): string[] {
  const icon = decode(name, file);
  if (typeof icon === 'string') return [icon];
  const problems = sizeProblems(name, icon, OUTLINE_ICON_SIZE);
  const isTransparent = (p: Rgba) => p[3] === 0;
  const isWhite = (p: Rgba) => p[0] === 255 && p[1] === 255 && p[2] === 255;
  const stray = icon.pixels.filter((p) => !isTransparent(p) && !isWhite(p)).length;
  if (stray > 0) problems.push(`${name}: ${stray} pixels are neither white nor fully transparent`);
  if (!icon.pixels.some(isTransparent)) problems.push(`${name}: has no transparent background`);
  if (!icon.pixels.some((p) => !isTransparent(p) && isWhite(p))) problems.push(`${name}: has no white symbol`);
  return problems;
}
