/**
 * Draws the two example photos of the bundled archive, so that the photo
 * feature can be seen on a real project page:
 *
 *   node --import tsx scripts/make-example-photos.ts
 *
 * They are drawings made here (SVG rendered to JPEG by sharp), not photos of
 * anyone: coloured programming blocks snapped into a stack, and a laptop
 * whose screen shows an arrow tracing a square. No metadata is written.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const folder = fileURLToPath(new URL('../content/2015-2016/the-scratch-project/', import.meta.url));
const WIDTH = 1600;
const HEIGHT = 1067;

/** Paper with a light grain, so the drawings look printed rather than flat. */
const paper = (from: string, to: string) => `
  <defs>
    <linearGradient id="paper" x1="0" y1="0" x2="0.3" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/>
    </linearGradient>
    <filter id="grain" x="0" y="0" width="100%" height="100%">
      <feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="7"/>
      <feColorMatrix values="0 0 0 0 0.45  0 0 0 0 0.4  0 0 0 0 0.35  0 0 0 0.06 0"/>
    </filter>
    <filter id="shadow" x="-10%" y="-10%" width="130%" height="140%">
      <feGaussianBlur in="SourceAlpha" stdDeviation="9"/>
      <feOffset dx="8" dy="14"/>
      <feComponentTransfer><feFuncA type="linear" slope="0.28"/></feComponentTransfer>
      <feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge>
    </filter>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#paper)"/>
  <rect width="${WIDTH}" height="${HEIGHT}" filter="url(#grain)"/>`;

/** A block with a notch on top and a tab below, like a jigsaw piece that snaps onto the one above it. */
function block(x: number, y: number, width: number, height: number, fill: string, edge: string, slots: number[]): string {
  const r = 10;
  const outline = [
    `M ${x + r} ${y}`,
    `H ${x + 40} l 14 16 h 52 l 14 -16`,
    `H ${x + width - r} q ${r} 0 ${r} ${r}`,
    `V ${y + height - r} q 0 ${r} ${-r} ${r}`,
    `H ${x + 120} l -14 16 h -52 l -14 -16`,
    `H ${x + r} q ${-r} 0 ${-r} ${-r}`,
    `V ${y + r} q 0 ${-r} ${r} ${-r} Z`,
  ].join(' ');
  const inputs = slots
    .map(
      (at) =>
        `<rect x="${x + at}" y="${y + height / 2 - 24}" width="110" height="48" rx="24" fill="#fff" fill-opacity="0.92" stroke="${edge}" stroke-width="3"/>`,
    )
    .join('');
  const label = `<rect x="${x + 36}" y="${y + height / 2 - 9}" width="${Math.max(60, (slots[0] ?? width - 60) - 60)}" height="18" rx="9" fill="#fff" fill-opacity="0.55"/>`;
  return `<path d="${outline}" fill="${fill}" stroke="${edge}" stroke-width="4" stroke-linejoin="round"/>${label}${inputs}`;
}

const blocksSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  ${paper('#fbf4e6', '#efe2c8')}
  <g filter="url(#shadow)">
    <path d="M 430 170 H 1010 q 22 0 22 22 V 262 H 550 l -14 16 h -52 l -14 -16 H 430 Z" fill="#f0a830" stroke="#c4860f" stroke-width="4" stroke-linejoin="round"/>
    <rect x="470" y="205" width="200" height="20" rx="10" fill="#fff" fill-opacity="0.55"/>
    ${block(430, 262, 620, 110, '#3d8bfd', '#2a6fd6', [390])}
    ${block(430, 372, 520, 110, '#8c5cf5', '#6c3fd0', [300])}
    ${block(430, 482, 700, 110, '#4cae4f', '#35863a', [330, 470])}
    ${block(430, 592, 560, 110, '#f5841f', '#cc6510', [])}
    ${block(430, 702, 640, 110, '#c257c2', '#a03ca0', [420])}
  </g>
  <g filter="url(#shadow)" transform="rotate(-8 1270 860)">
    ${block(1150, 800, 330, 100, '#3d8bfd', '#2a6fd6', [190])}
  </g>
</svg>`;

/** A grid "stage" on a laptop screen, with an arrow that has drawn three sides of a square and turns to draw the fourth. */
const screenSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  ${paper('#e8f1f8', '#cfdeea')}
  <defs>
    <pattern id="grid" width="40" height="40" patternUnits="userSpaceOnUse">
      <path d="M 40 0 H 0 V 40" fill="none" stroke="#d5dde6" stroke-width="2"/>
    </pattern>
    <linearGradient id="lid" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3b4452"/><stop offset="1" stop-color="#262c36"/></linearGradient>
    <linearGradient id="base" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#c9d0d9"/><stop offset="1" stop-color="#9aa4b1"/></linearGradient>
  </defs>
  <g filter="url(#shadow)">
    <rect x="300" y="110" width="1000" height="660" rx="28" fill="url(#lid)"/>
    <rect x="340" y="150" width="920" height="580" rx="6" fill="#ffffff"/>
    <rect x="340" y="150" width="920" height="580" fill="url(#grid)"/>
    <path d="M 180 790 H 1420 L 1500 900 Q 1500 930 1470 930 H 130 Q 100 930 100 900 Z" fill="url(#base)"/>
    <rect x="690" y="800" width="220" height="18" rx="9" fill="#8a94a1"/>
  </g>
  <g fill="#5b6776">
    ${Array.from({ length: 3 }, (_, row) =>
      Array.from({ length: 14 }, (_, col) => `<rect x="${260 + col * 78 + row * 12}" y="${832 + row * 30}" width="64" height="22" rx="5"/>`).join(''),
    ).join('')}
  </g>
  <g fill="none" stroke-linecap="round" stroke-linejoin="round">
    <path d="M 600 600 V 300 H 900 V 600" stroke="#3d8bfd" stroke-width="14"/>
    <path d="M 900 600 H 640" stroke="#3d8bfd" stroke-width="10" stroke-dasharray="4 26" stroke-opacity="0.7"/>
  </g>
  <circle cx="600" cy="600" r="16" fill="#4cae4f" stroke="#35863a" stroke-width="4"/>
  <path d="M 930 600 L 880 566 L 880 634 Z" transform="rotate(180 905 600)" fill="#f5841f" stroke="#cc6510" stroke-width="5" stroke-linejoin="round"/>
</svg>`;

const photos = [
  { name: 'programming-blocks.jpg', svg: blocksSvg },
  { name: 'square-on-screen.jpg', svg: screenSvg },
];

for (const { name, svg } of photos) {
  const jpeg = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  await writeFile(path.join(folder, name), jpeg);
  console.log(`${path.relative(process.cwd(), path.join(folder, name))}: ${WIDTH}×${HEIGHT}, ${Math.round(jpeg.length / 1024)} KB`);
}
