/**
 * Renders the demo catalog's reference images: stylised illustrations drawn here, in SVG, so the demo
 * catalog ships no third-party photo. Run from the repo root:
 *
 *   npx tsx scripts/generate-demo-catalog.ts
 *
 * Output is deterministic (seeded randomness only), so re-running it leaves git clean unless a drawing changed.
 * Each landmark gets two views that differ the way two visitors' photos would: framing, distance, light.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

export const WIDTH = 1280;
export const HEIGHT = 960;
export const JPEG_QUALITY = 80;
/** Where the drawings stand; also the pivot of the viewpoint zoom so the building stays on the ground. */
const GROUND_Y = 700;

export interface View {
  /** Horizontal shift of the scene in pixels, as if the photographer stepped sideways. */
  dx: number;
  dy: number;
  /** Zoom around the ground line centre, as if the photographer stepped closer (> 1) or back. */
  scale: number;
  skyTop: string;
  skyBottom: string;
  ground: string;
  /** Multiplied over the building colours: warm for evening light, cool for an overcast morning. */
  tint: string;
  tintOpacity: number;
  sun: { x: number; y: number; r: number; color: string } | undefined;
  seed: number;
}

/** mulberry32: tiny, seeded, good enough for window lights and cloud puffs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r1 = (n: number): string => n.toFixed(1);

function clouds(random: () => number, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) {
    const x = random() * WIDTH;
    const y = 60 + random() * 220;
    const w = 90 + random() * 160;
    out += `<g fill="#ffffff" opacity="${(0.55 + random() * 0.3).toFixed(2)}">`;
    out += `<ellipse cx="${r1(x)}" cy="${r1(y)}" rx="${r1(w)}" ry="${r1(w * 0.22)}"/>`;
    out += `<ellipse cx="${r1(x - w * 0.35)}" cy="${r1(y + 6)}" rx="${r1(w * 0.45)}" ry="${r1(w * 0.18)}"/>`;
    out += `<ellipse cx="${r1(x + w * 0.3)}" cy="${r1(y - w * 0.12)}" rx="${r1(w * 0.4)}" ry="${r1(w * 0.2)}"/></g>`;
  }
  return out;
}

function windowGrid(
  random: () => number,
  x0: number,
  y0: number,
  cols: number,
  rows: number,
  w: number,
  h: number,
  gapX: number,
  gapY: number,
  dark: string,
  lit: string,
  litChance: number,
): string {
  let out = "";
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const fill = random() < litChance ? lit : dark;
      out += `<rect x="${r1(x0 + c * (w + gapX))}" y="${r1(y0 + r * (h + gapY))}" width="${r1(w)}" height="${r1(h)}" fill="${fill}"/>`;
    }
  }
  return out;
}

function person(x: number, y: number, h: number, color: string): string {
  const head = h * 0.13;
  return (
    `<g fill="${color}"><circle cx="${r1(x)}" cy="${r1(y - h + head)}" r="${r1(head)}"/>` +
    `<rect x="${r1(x - h * 0.12)}" y="${r1(y - h + head * 2.1)}" width="${r1(h * 0.24)}" height="${r1(h * 0.45)}" rx="${r1(h * 0.06)}"/>` +
    `<rect x="${r1(x - h * 0.1)}" y="${r1(y - h * 0.45)}" width="${r1(h * 0.08)}" height="${r1(h * 0.45)}"/>` +
    `<rect x="${r1(x + h * 0.02)}" y="${r1(y - h * 0.45)}" width="${r1(h * 0.08)}" height="${r1(h * 0.45)}"/></g>`
  );
}

function people(random: () => number, count: number, yMin: number, yMax: number): string {
  let out = "";
  for (let i = 0; i < count; i++) {
    const y = yMin + random() * (yMax - yMin);
    const h = 30 + (y - yMin) * 0.35;
    const shade = Math.round(30 + random() * 60);
    out += person(random() * WIDTH, y, h, `rgb(${shade},${shade},${shade + 10})`);
  }
  return out;
}

/** Syntagma Square, Athens: the long neoclassical Parliament facade with its columned portico and flag. */
function syntagma(random: () => number): string {
  const wall = "#efe3c4";
  const shade = "#d8c7a0";
  const win = "#6b6250";
  const left = 140;
  const right = 1140;
  const top = 380;
  let s = "";
  // Main block and its cornice.
  s += `<rect x="${left}" y="${top}" width="${right - left}" height="${GROUND_Y - top}" fill="${wall}"/>`;
  s += `<rect x="${left - 10}" y="${top - 18}" width="${right - left + 20}" height="22" fill="${shade}"/>`;
  s += `<rect x="${left}" y="${top + 130}" width="${right - left}" height="10" fill="${shade}"/>`;
  // Two storeys of tall windows on both wings.
  s += windowGrid(random, left + 35, top + 30, 7, 2, 26, 70, 18, 80, win, win, 0);
  s += windowGrid(random, 815, top + 30, 7, 2, 26, 70, 18, 80, win, win, 0);
  // Projecting central portico: attic, entablature, eight Doric columns, dark recess behind.
  const pl = 520;
  const pr = 760;
  s += `<rect x="${pl - 20}" y="${top - 70}" width="${pr - pl + 40}" height="58" fill="${wall}" stroke="${shade}" stroke-width="4"/>`;
  s += `<rect x="${pl - 28}" y="${top - 14}" width="${pr - pl + 56}" height="24" fill="${shade}"/>`;
  s += `<rect x="${pl}" y="${top + 10}" width="${pr - pl}" height="${GROUND_Y - top - 50}" fill="#8d8068"/>`;
  for (let i = 0; i < 8; i++) {
    const cx = pl + 8 + i * ((pr - pl - 16) / 7);
    s += `<rect x="${r1(cx - 9)}" y="${top + 10}" width="18" height="${GROUND_Y - top - 50}" fill="#f7efd9"/>`;
    s += `<rect x="${r1(cx - 13)}" y="${top + 10}" width="26" height="8" fill="${shade}"/>`;
  }
  // Steps down to the square and the Tomb of the Unknown Soldier wall in front.
  for (let i = 0; i < 4; i++) {
    s += `<rect x="${pl - 60 - i * 30}" y="${GROUND_Y - 40 + i * 10}" width="${pr - pl + 120 + i * 60}" height="10" fill="${i % 2 ? "#e9e1cf" : "#ddd3bd"}"/>`;
  }
  s += `<rect x="${pl - 90}" y="${GROUND_Y - 10}" width="${pr - pl + 180}" height="40" fill="#e4dccb" stroke="#b9ae96" stroke-width="3"/>`;
  // Greek flag on the roof: five blue and four white stripes, white cross on blue canton.
  const fx = 640;
  const fy = top - 200;
  s += `<rect x="${fx - 3}" y="${fy}" width="6" height="130" fill="#666"/>`;
  for (let i = 0; i < 9; i++) {
    s += `<rect x="${fx + 3}" y="${fy + i * 8}" width="110" height="8" fill="${i % 2 ? "#ffffff" : "#0d5eaf"}"/>`;
  }
  s += `<rect x="${fx + 3}" y="${fy}" width="40" height="40" fill="#0d5eaf"/>`;
  s += `<rect x="${fx + 19}" y="${fy}" width="8" height="40" fill="#fff"/><rect x="${fx + 3}" y="${fy + 16}" width="40" height="8" fill="#fff"/>`;
  // Cypresses and round orange trees of the square framing the view.
  for (const [x, h] of [
    [70, 300],
    [1210, 280],
    [250, 220],
    [1030, 240],
  ] as const) {
    s += `<rect x="${x - 6}" y="${GROUND_Y + 40 - 40}" width="12" height="60" fill="#5a4028"/>`;
    s += `<ellipse cx="${x}" cy="${GROUND_Y + 10 - h / 2}" rx="${h * 0.16}" ry="${h / 2}" fill="#2f5a2c"/>`;
  }
  return s;
}

/** Roma Termini: the long ribbon-windowed block and the wavy "dinosaur" canopy over the glass hall. */
function termini(random: () => number): string {
  const stone = "#e6e1d6";
  const glass = "#7fa3b5";
  let s = "";
  // Office block behind: horizontal ribbon windows, the station's signature.
  s += `<rect x="60" y="300" width="1160" height="${GROUND_Y - 300}" fill="${stone}"/>`;
  for (let i = 0; i < 8; i++) {
    s += `<rect x="60" y="${318 + i * 26}" width="1160" height="12" fill="#5d6b73"/>`;
  }
  // Glass ticket hall in front.
  s += `<rect x="120" y="560" width="1040" height="${GROUND_Y - 560}" fill="${glass}"/>`;
  for (let x = 120; x <= 1160; x += 52) {
    s += `<rect x="${x - 2}" y="560" width="4" height="${GROUND_Y - 560}" fill="#3f4b52"/>`;
  }
  // The canopy: a run of shallow waves cantilevered over the hall.
  let d = "M 90 560";
  const waves = 9;
  const span = (1190 - 90) / waves;
  for (let i = 0; i < waves; i++) {
    const x0 = 90 + i * span;
    d += ` Q ${r1(x0 + span / 2)} 505 ${r1(x0 + span)} 560`;
  }
  d += " L 1190 585 L 90 585 Z";
  s += `<path d="${d}" fill="#f4f1ea" stroke="#b7b1a4" stroke-width="4"/>`;
  s += `<rect x="520" y="520" width="240" height="30" fill="#1f3f6e"/>`;
  s += `<text x="640" y="543" font-family="DejaVu Sans, Arial, sans-serif" font-size="22" font-weight="bold" fill="#fff" text-anchor="middle">ROMA TERMINI</text>`;
  // Piazza dei Cinquecento: umbrella pines and a city bus.
  for (const [x, w] of [
    [110, 230],
    [1160, 260],
  ] as const) {
    s += `<path d="M ${x - 8} ${GROUND_Y + 60} L ${x - 3} ${GROUND_Y - 130} L ${x + 5} ${GROUND_Y - 130} L ${x + 10} ${GROUND_Y + 60} Z" fill="#6a4a30"/>`;
    s += `<ellipse cx="${x}" cy="${GROUND_Y - 150}" rx="${w / 2}" ry="${w / 6}" fill="#33552e"/>`;
  }
  const busX = 300 + random() * 500;
  s += `<rect x="${r1(busX)}" y="${GROUND_Y + 20}" width="260" height="80" rx="10" fill="#d12d2d"/>`;
  s += windowGrid(random, busX + 14, GROUND_Y + 32, 6, 1, 32, 28, 8, 0, "#2b3a44", "#2b3a44", 0);
  s += `<circle cx="${r1(busX + 50)}" cy="${GROUND_Y + 102}" r="14" fill="#222"/><circle cx="${r1(busX + 210)}" cy="${GROUND_Y + 102}" r="14" fill="#222"/>`;
  return s;
}

/** Gare du Nord, Paris: stone facade, three great arched windows between pilasters, statues on the cornice. */
function gareDuNord(random: () => number): string {
  const stone = "#e3d8c3";
  const dark = "#a89a80";
  const glass = "#5f6f7a";
  let s = "";
  // Central pavilion, taller, with a triangular top, and two lower wings.
  s += `<rect x="110" y="400" width="1060" height="${GROUND_Y - 400}" fill="${stone}"/>`;
  s += `<path d="M 380 260 L 900 260 L 900 ${GROUND_Y} L 380 ${GROUND_Y} Z" fill="${stone}"/>`;
  s += `<path d="M 360 262 L 640 190 L 920 262 Z" fill="${stone}" stroke="${dark}" stroke-width="6"/>`;
  s += `<rect x="360" y="255" width="560" height="16" fill="${dark}"/>`;
  s += `<rect x="100" y="392" width="1080" height="14" fill="${dark}"/>`;
  // Three arched windows of the central pavilion with their iron mullions.
  for (const cx of [480, 640, 800]) {
    const w = cx === 640 ? 120 : 96;
    const top = cx === 640 ? 300 : 330;
    s += `<path d="M ${cx - w / 2} ${GROUND_Y - 40} L ${cx - w / 2} ${top + w / 2} A ${w / 2} ${w / 2} 0 0 1 ${cx + w / 2} ${top + w / 2} L ${cx + w / 2} ${GROUND_Y - 40} Z" fill="${glass}"/>`;
    for (let k = 1; k < 4; k++) {
      s += `<rect x="${r1(cx - w / 2 + (k * w) / 4 - 2)}" y="${top}" width="4" height="${GROUND_Y - 40 - top}" fill="#3a444b"/>`;
    }
    s += `<rect x="${cx - w / 2}" y="${top + w / 2 + 60}" width="${w}" height="5" fill="#3a444b"/>`;
  }
  // Pilasters between the bays.
  for (const x of [390, 560, 720, 890]) {
    s += `<rect x="${x - 12}" y="275" width="24" height="${GROUND_Y - 275}" fill="#efe6d4" stroke="${dark}" stroke-width="2"/>`;
  }
  // Wings: smaller arched windows in two rows.
  for (const x0 of [130, 920]) {
    for (let c = 0; c < 4; c++) {
      const cx = x0 + 30 + c * 60;
      for (const top of [430, 560]) {
        s += `<path d="M ${cx - 18} ${top + 90} L ${cx - 18} ${top + 18} A 18 18 0 0 1 ${cx + 18} ${top + 18} L ${cx + 18} ${top + 90} Z" fill="${glass}"/>`;
      }
    }
  }
  // Statues on the cornice: small standing figures, some slightly leaning.
  for (const x of [380, 460, 540, 740, 820, 900, 140, 300, 980, 1140]) {
    const y = x >= 380 && x <= 900 ? 262 : 394;
    const lean = (random() - 0.5) * 8;
    s += `<g transform="rotate(${r1(lean)} ${x} ${y})">${person(x, y, 44, "#b9ad96")}</g>`;
  }
  // Taxi rank in front.
  for (let i = 0; i < 3; i++) {
    const x = 200 + i * 320 + random() * 60;
    s += `<rect x="${r1(x)}" y="${GROUND_Y + 40}" width="150" height="48" rx="12" fill="#22262a"/>`;
    s += `<rect x="${r1(x + 30)}" y="${GROUND_Y + 20}" width="90" height="28" rx="8" fill="#2c3136"/>`;
    s += `<rect x="${r1(x + 62)}" y="${GROUND_Y + 12}" width="26" height="9" fill="#7fd35a"/>`;
  }
  return s;
}

export const DRAWINGS: Record<string, { draw: (random: () => number) => string; views: [View, View] }> = {
  "athens-syntagma-square": {
    draw: syntagma,
    views: [
      {
        dx: 0, dy: 0, scale: 1, skyTop: "#3f7fcf", skyBottom: "#bfe0f7", ground: "#d9d2c3",
        tint: "#fff4d6", tintOpacity: 0.08, sun: { x: 1100, y: 120, r: 50, color: "#fff6c8" }, seed: 11,
      },
      {
        dx: -150, dy: 25, scale: 1.22, skyTop: "#f08a4b", skyBottom: "#ffd9a0", ground: "#cbbfa8",
        tint: "#ff9a4a", tintOpacity: 0.18, sun: { x: 200, y: 330, r: 70, color: "#ffdd88" }, seed: 12,
      },
    ],
  },
  "rome-termini-station": {
    draw: termini,
    views: [
      {
        dx: 0, dy: 0, scale: 1, skyTop: "#4d8fd6", skyBottom: "#d3ecfb", ground: "#bdb7ab",
        tint: "#fff0c8", tintOpacity: 0.06, sun: { x: 180, y: 110, r: 46, color: "#fff8d0" }, seed: 21,
      },
      {
        dx: 170, dy: -20, scale: 0.86, skyTop: "#8796a8", skyBottom: "#d6dde4", ground: "#a8a59e",
        tint: "#8aa0c0", tintOpacity: 0.14, sun: undefined, seed: 22,
      },
    ],
  },
  "paris-gare-du-nord": {
    draw: gareDuNord,
    views: [
      {
        dx: 0, dy: 0, scale: 1, skyTop: "#6a95c9", skyBottom: "#dbe7f2", ground: "#9c9890",
        tint: "#f1e6cc", tintOpacity: 0.06, sun: undefined, seed: 31,
      },
      {
        dx: 120, dy: 30, scale: 1.3, skyTop: "#2e3f73", skyBottom: "#e89a6a", ground: "#77716a",
        tint: "#ffb070", tintOpacity: 0.2, sun: { x: 1050, y: 380, r: 60, color: "#ffc07a" }, seed: 32,
      },
    ],
  },
};

export function renderSvg(draw: (random: () => number) => string, view: View): string {
  const random = rng(view.seed);
  const cx = WIDTH / 2;
  const scene = draw(random);
  const sun = view.sun
    ? `<circle cx="${view.sun.x}" cy="${view.sun.y}" r="${view.sun.r}" fill="${view.sun.color}" opacity="0.9"/>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<defs>
<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${view.skyTop}"/><stop offset="1" stop-color="${view.skyBottom}"/></linearGradient>
<linearGradient id="ground" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${view.ground}"/><stop offset="1" stop-color="#55524c"/></linearGradient>
</defs>
<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
${sun}
${clouds(random, 5)}
<g transform="translate(${cx + view.dx} ${GROUND_Y + view.dy}) scale(${view.scale}) translate(${-cx} ${-GROUND_Y})">
<rect x="-800" y="${GROUND_Y}" width="${WIDTH + 1600}" height="${HEIGHT}" fill="url(#ground)"/>
${scene}
${people(random, 14, GROUND_Y + 60, GROUND_Y + 220)}
</g>
<rect width="${WIDTH}" height="${HEIGHT}" fill="${view.tint}" opacity="${view.tintOpacity}"/>
</svg>`;
}

export async function renderJpeg(draw: (random: () => number) => string, view: View): Promise<Buffer> {
  return sharp(Buffer.from(renderSvg(draw, view)))
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
    .toBuffer();
}

export async function generate(catalogDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [id, { draw, views }] of Object.entries(DRAWINGS)) {
    const refDir = path.join(catalogDir, id, "ref");
    await mkdir(refDir, { recursive: true });
    for (const [i, view] of views.entries()) {
      const file = path.join(refDir, `view-${i + 1}.jpg`);
      await writeFile(file, await renderJpeg(draw, view));
      written.push(file);
    }
  }
  return written;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  for (const file of await generate(path.resolve(import.meta.dirname, "../src/landmarks/demo-catalog"))) console.log(file);
}
