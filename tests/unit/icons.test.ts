// The logo and favicon PNGs are src/assets/logo.svg rendered by `npm run icons` (scripts/icons.ts): a change to the SVG
// without running it would leave the site showing the old logo.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { icons, renderIcon } from '../../scripts/icons.ts';
import { root } from '../../scripts/lib/diagrams.ts';

const pixels = async (png: Buffer) => {
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
};

for (const { file, size } of icons)
	test(`${file} is src/assets/logo.svg at ${size} px`, async () => {
		const committed = await pixels(readFileSync(join(root, file)));
		const fresh = await pixels(await renderIcon(size));
		const stale = `${file} does not match src/assets/logo.svg: run \`npm run icons\` and commit the PNGs`;
		assert.deepEqual([committed.width, committed.height], [fresh.width, fresh.height], stale);
		// A palette PNG's colours may move by a step between versions of the quantizer; a different logo moves far more.
		let worst = 0;
		let total = 0;
		for (let i = 0; i < fresh.data.length; i++) {
			const d = Math.abs(fresh.data[i] - committed.data[i]);
			worst = Math.max(worst, d);
			total += d;
		}
		assert.ok(worst <= 16 && total / fresh.data.length <= 1, `${stale} (largest channel difference ${worst}, mean ${(total / fresh.data.length).toFixed(2)})`);
	});
