import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildPdfs } from '../../scripts/lib/pdf.ts';

/**
 * After the build, prints the handbook's PDFs from the built pages into `dist/pdf/` (scripts/lib/pdf.ts) and writes their
 * sizes into the pages that link to them. Listed before Starlight so this runs before Pagefind indexes the pages.
 * `enabled: false` (HANDBOOK_PDF=off) builds the site alone.
 */
export function handbookPdf({ enabled = true } = {}): AstroIntegration {
	let site = 'http://localhost';
	let base = '/';
	return {
		name: 'handbook-pdf',
		hooks: {
			'astro:config:done': ({ config }) => {
				site = config.site ?? site;
				base = config.base.replace(/\/?$/, '/');
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!enabled) return logger.info('PDFs skipped (HANDBOOK_PDF=off).');
				try {
					const manifest = await buildPdfs({ dist: fileURLToPath(dir), base, site, log: (line) => logger.info(line) });
					logger.info(`${manifest.pdfs.length} PDFs in ${manifest.seconds} s`);
				} catch (error) {
					logger.error(error instanceof Error ? error.message : String(error));
					throw error;
				}
			},
		},
	};
}
