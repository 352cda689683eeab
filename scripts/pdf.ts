import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveSite } from '../src/config/site.mjs';
import { buildPdfs } from './lib/pdf.ts';
import { root } from './lib/pages.ts';

/**
 * Prints the handbook's PDFs from an existing build, without building the site again (the build does this by itself;
 * this is for working on the print styles): `npm run pdf [-- --dist dir] [-- --only kafka-en.pdf]`. The base path and site URL come from the
 * same environment as the build's (BASE_PATH, SITE_URL), so pass the ones the build used.
 */
async function run() {
	const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, only: { type: 'string', multiple: true } } });
	const { site, base } = resolveSite(process.env);
	const started = performance.now();
	const manifest = await buildPdfs({
		dist: join(root, values.dist!),
		base: base.replace(/\/?$/, '/'),
		site,
		only: values.only,
		log: (line) => console.log(`  ${line}`),
	});
	console.log(`\x1b[32m✓\x1b[0m ${manifest.pdfs.length} PDFs in ${((performance.now() - started) / 1000).toFixed(1)} s → ${values.dist}/pdf/`);
}

run().catch((error) => {
	console.error(`\x1b[31m✗\x1b[0m ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
