import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Checks every internal link and asset reference of a built site, as a browser would resolve it when the site is
 * served under `base`: the target file must exist and, for `#anchor` links, the anchor must exist in it.
 * Returns one message per broken reference: `page → href (reason)`.
 */
export function crawl(dist: string, base: string): { pages: number; links: number; broken: string[] } {
	const html = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
	const ids = new Map<string, Set<string>>();
	const idsOf = (file: string) => {
		if (!ids.has(file)) {
			const text = readFileSync(file, 'utf8');
			ids.set(file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]))));
		}
		return ids.get(file)!;
	};
	const broken: string[] = [];
	let links = 0;
	for (const page of html) {
		const text = readFileSync(join(dist, page), 'utf8');
		const pageUrl = new URL(`http://site${base}${page.replace(/index\.html$/, '')}`);
		for (const m of text.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
			const raw = decode(m[1]);
			if (/^(https?:|mailto:|data:|javascript:|\/\/)/.test(raw)) continue;
			links++;
			const url = new URL(raw, pageUrl);
			const where = `${page} → ${raw}`;
			if (!url.pathname.startsWith(base)) {
				broken.push(`${where} (outside the base path ${base})`);
				continue;
			}
			let file = join(dist, decodeURIComponent(url.pathname.slice(base.length)));
			if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
			if (!existsSync(file)) {
				broken.push(`${where} (no file ${relative(dist, file)})`);
				continue;
			}
			const hash = decodeURIComponent(url.hash.slice(1));
			if (hash && file.endsWith('.html') && !idsOf(file).has(hash)) broken.push(`${where} (no element id "${hash}")`);
		}
	}
	return { pages: html.length, links, broken };
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");
