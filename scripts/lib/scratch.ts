import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './diagrams.ts';
import { topicDirs } from './lint.ts';

/**
 * A throw-away copy of the project with only the hub pages and the given fixture pages, for fast builds in tests
 * (broken-page fixtures, the build-failure checks). It lives in `.tmp/` and uses the project's `node_modules`.
 */
export function scratchSite(fixtures: { [path: string]: string }, glossary: { [path: string]: string } = {}): string {
	// Inside the project, so Node and Vite resolve packages from its node_modules (a symlink confuses Astro's build).
	mkdirSync(join(root, '.tmp'), { recursive: true });
	const dir = mkdtempSync(join(root, '.tmp', 'site-'));
	for (const entry of readdirSync(root)) {
		if (['node_modules', '.git', '.tmp', 'dist', '.astro', 'test-results'].includes(entry) || entry.startsWith('dist-')) continue;
		cpSync(join(root, entry), join(dir, entry), { recursive: true });
	}
	const docs = join(dir, 'src', 'content', 'docs');
	for (const d of topicDirs) {
		rmSync(join(docs, d), { recursive: true, force: true });
		rmSync(join(docs, 'zh-cn', d), { recursive: true, force: true });
	}
	rmSync(join(dir, 'src', 'data', 'glossary'), { recursive: true, force: true });
	mkdirSync(join(dir, 'src', 'data', 'glossary'), { recursive: true });
	for (const [path, text] of Object.entries(fixtures)) write(join(docs, path), text);
	for (const [path, text] of Object.entries(glossary)) write(join(dir, 'src', 'data', 'glossary', path), text);
	return dir;
}

function write(file: string, text: string) {
	mkdirSync(join(file, '..'), { recursive: true });
	writeFileSync(file, text);
}
