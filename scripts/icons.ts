// `npm run icons`: renders src/assets/logo.svg into the two PNGs the site shows, the header logo (src/assets/logo.png,
// 128 px) and the favicon (public/favicon.png, 64 px). They are PNGs, not the SVG itself, because an SVG shown as an
// image is a document of its own built on the page's main thread (AUTHORING.md, "Keeping it light").
// tests/unit/icons.test.ts fails when a committed PNG no longer matches the SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { root } from './lib/diagrams.ts';

export const icons = [
	{ file: 'src/assets/logo.png', size: 128 },
	{ file: 'public/favicon.png', size: 64 },
] as const;

/** One icon rendered from the SVG: a palette PNG (1-2 KB), drawn at the size it is shown at rather than scaled down. */
export async function renderIcon(size: number): Promise<Buffer> {
	const svg = readFileSync(join(root, 'src/assets/logo.svg'));
	// The SVG's viewBox is 32 units wide; density sets how many pixels a unit becomes.
	return sharp(svg, { density: (72 * size) / 32 })
		.resize(size, size)
		.png({ palette: true, compressionLevel: 9, effort: 10 })
		.toBuffer();
}

if (import.meta.main) {
	for (const { file, size } of icons) {
		const png = await renderIcon(size);
		writeFileSync(join(root, file), png);
		console.log(`${file}: ${size} px, ${png.length} bytes`);
	}
}
