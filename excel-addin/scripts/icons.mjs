// Draws Baton's icons as PNG files: a relay baton (a bar across a disc) in the template's navy.
// `node excel-addin/scripts/icons.mjs` writes excel-addin/assets/; the PNGs are committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const NAVY = [0x1f, 0x38, 0x64];
const AMBER = [0xff, 0xc0, 0x00];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** RGBA pixels to a PNG file. */
export function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Coverage (0..1) of a pixel by a shape given as a signed distance (negative inside), 4x4 samples. */
function cover(size, x, y, distance) {
  let inside = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++)
      if (distance((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size) < 0) inside++;
  return inside / 16;
}
const segment = (ax, ay, bx, by, r) => (px, py) => {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy) - r;
};
const disc = (cx, cy, r) => (px, py) => Math.hypot(px - cx, py - cy) - r;
const baton = segment(0.27, 0.73, 0.73, 0.27, 0.1);

function blend(layers) {
  let [r, g, b, a] = [0, 0, 0, 0];
  for (const [color, alpha] of layers) {
    r = color[0] * alpha + r * (1 - alpha);
    g = color[1] * alpha + g * (1 - alpha);
    b = color[2] * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
  }
  return a ? [Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)] : [0, 0, 0, 0];
}

/** The colour icon: a navy disc with an amber baton across it. */
export const colorIcon = (size) =>
  png(size, (x, y) =>
    blend([
      [NAVY, cover(size, x, y, disc(0.5, 0.5, 0.48))],
      [AMBER, cover(size, x, y, baton)],
    ]),
  );

/** The outline icon (unified manifest): white strokes on transparent. */
export const outlineIcon = (size) =>
  png(size, (x, y) => {
    const ring = (px, py) => Math.abs(Math.hypot(px - 0.5, py - 0.5) - 0.44) - 0.04;
    const a = Math.max(cover(size, x, y, ring), cover(size, x, y, baton));
    return [255, 255, 255, Math.round(a * 255)];
  });

export const ICONS = {
  "icon-16.png": 16,
  "icon-32.png": 32,
  "icon-64.png": 64,
  "icon-80.png": 80,
  "icon-128.png": 128,
  "color-192.png": 192,
};

if (process.argv[1]?.endsWith("icons.mjs")) {
  mkdirSync("excel-addin/assets", { recursive: true });
  for (const [name, size] of Object.entries(ICONS))
    writeFileSync(`excel-addin/assets/${name}`, colorIcon(size));
  writeFileSync("excel-addin/assets/outline-32.png", outlineIcon(32));
  console.log("excel-addin/assets: icons written");
}
