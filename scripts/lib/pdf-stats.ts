import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type PdfManifest, pdfDir, pdfScopes } from './pdf.ts';

export interface PdfStats {
	/** Every PDF of the build, with its size on disk and page count. */
	pdfs: { file: string; bytes: number; pages: number }[];
	/** Seconds the build spent printing the PDFs (measured by the build itself, in `pdf/index.json`). */
	seconds: number;
	/** PDFs the build should have written but did not. */
	missing: string[];
}

/**
 * What the PDFs cost, for the bench: read from a finished build (`dist` or another `--outDir`). Sizes come from the
 * files themselves; the time comes from the manifest the PDF step writes, since it runs inside `astro build`.
 */
export function pdfStats(dist: string): PdfStats {
	const dir = join(dist, pdfDir);
	const manifestFile = join(dir, 'index.json');
	if (!existsSync(manifestFile)) return { pdfs: [], seconds: 0, missing: pdfScopes().map((s) => s.file) };
	const manifest: PdfManifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
	const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
	const pages = new Map(manifest.pdfs.map((p) => [p.file, p.pages]));
	return {
		pdfs: files.map((file) => ({ file, bytes: statSync(join(dir, file)).size, pages: pages.get(file) ?? 0 })),
		seconds: manifest.seconds,
		missing: pdfScopes()
			.map((s) => s.file)
			.filter((f) => !files.includes(f)),
	};
}
