import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  checkColorIcon,
  checkOutlineIcon,
  COLOR_ICON_SIZE,
  OUTLINE_ICON_SIZE,
  renderColorIcon,
  renderOutlineIcon,
} from '../../scripts/manifest/icons.js';
import { parseManifestShape, readJsonObject } from '../../scripts/manifest/build.js';
import { committedManifestDir } from './helpers.js';

function solid(size: number, rgba: readonly number[]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i);
  return PNG.sync.write(png);
}

describe('app icons', () => {
  it('committed color.png is 192×192 with a visible symbol', async () => {
    const file = await readFile(join(committedManifestDir, 'color.png'));
    const png = PNG.sync.read(file);
    assert.equal(png.width, COLOR_ICON_SIZE);
    assert.equal(png.height, COLOR_ICON_SIZE);
    assert.deepEqual(checkColorIcon(file), []);
  });

  it('committed outline.png is 32×32, only white or transparent, with both present', async () => {
    const file = await readFile(join(committedManifestDir, 'outline.png'));
    const png = PNG.sync.read(file);
    assert.equal(png.width, OUTLINE_ICON_SIZE);
    assert.equal(png.height, OUTLINE_ICON_SIZE);
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
      else assert.fail(`pixel ${i / 4} is rgba(${r},${g},${b},${a})`);
    }
    assert.ok(white > 50 && transparent > 50, `white ${white}, transparent ${transparent}`);
    assert.deepEqual(checkOutlineIcon(file), []);
  });

  it('committed icons are what the icon script draws (regenerate with node dist/scripts/icons.js)', async () => {
    const { accentColor: accent } = parseManifestShape(await readJsonObject(join(committedManifestDir, 'manifest.json')));
    const pixels = (bytes: Buffer) => PNG.sync.read(bytes).data;
    assert.ok(pixels(await readFile(join(committedManifestDir, 'color.png'))).equals(pixels(renderColorIcon(accent))));
    assert.ok(pixels(await readFile(join(committedManifestDir, 'outline.png'))).equals(pixels(renderOutlineIcon())));
  });

  it('the colour icon uses the accent colour as its background', () => {
    const png = PNG.sync.read(renderColorIcon('#123456'));
    assert.deepEqual([...png.data.subarray(0, 4)], [0x12, 0x34, 0x56, 255]);
    assert.throws(() => renderColorIcon('blue'), /Expected a colour like/);
  });

  it('rejects a wrong size, a coloured outline, a blank icon and a non-PNG', () => {
    assert.match(checkOutlineIcon(renderColorIcon('#2f5ea8')).join('\n'), /must be 32×32 pixels, is 192×192/);
    assert.match(checkColorIcon(renderOutlineIcon()).join('\n'), /must be 192×192 pixels, is 32×32/);
    assert.match(checkOutlineIcon(solid(32, [255, 0, 0, 255])).join('\n'), /1024 pixels are neither white nor fully transparent/);
    assert.match(checkOutlineIcon(solid(32, [255, 255, 255, 255])).join('\n'), /no transparent background/);
    assert.match(checkOutlineIcon(solid(32, [0, 0, 0, 0])).join('\n'), /no white symbol/);
    assert.match(checkColorIcon(solid(192, [47, 94, 168, 255])).join('\n'), /no visible symbol/);
    assert.match(checkColorIcon(Buffer.from('GIF89a')).join('\n'), /not a readable PNG/);
  });
});
