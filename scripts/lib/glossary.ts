import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { docsDir, root } from './diagrams.ts';

export const glossaryDir = join(root, 'src', 'data', 'glossary');

/** A term as written, or without its parenthetical, or the parenthetical alone: `RDD（弹性分布式数据集）`. */
const forms = (term: string) => {
	const m = /^(.*?)\s*[（(](.*?)[）)]\s*$/.exec(term);
	return m ? [term, m[1], m[2]] : [term];
};

export interface Variant {
	/** A spelling the Chinese pages must not use, e.g. 再均衡 or a lower-case `broker`. */
	variant: string;
	zh: string;
	en: string;
	/** The glossary file that lists it, relative to the project. */
	file: string;
}

const variantCache = new Map<string, Variant[]>();

/**
 * Known variants of the glossary's Chinese terms (`variants: [再均衡]` on a term): other translations, or another
 * capitalisation of a Latin term. The Chinese pages must write the term as the glossary does.
 */
export function glossaryVariants(dir = glossaryDir): Variant[] {
	const cached = variantCache.get(dir);
	if (cached) return cached;
	const out: Variant[] = [];
	if (existsSync(dir)) {
		for (const file of (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort()) {
			const terms = (parseYaml(readFileSync(join(dir, file), 'utf8'))?.terms ?? []) as { en: string; zh: string; variants?: string[] }[];
			for (const t of terms)
				for (const variant of t.variants ?? []) out.push({ variant, zh: t.zh, en: t.en, file: `src/data/glossary/${file.replace(/\\/g, '/')}` });
		}
	}
	variantCache.set(dir, out);
	return out;
}

/**
 * The glossary is the term table the pages follow: each file `src/data/glossary/<section>/<slug>.yaml` lists the terms
 * its page explains, so each English term must appear in the English page and each Chinese term in the Chinese twin.
 */
export function glossaryProblems(): string[] {
	if (!existsSync(glossaryDir)) return [];
	const problems: string[] = [];
	const files = (readdirSync(glossaryDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml'));
	for (const file of files) {
		const id = file.replace(/\\/g, '/').replace(/\.yaml$/, '');
		const where = `src/data/glossary/${id}.yaml`;
		const en = join(docsDir, `${id}.mdx`);
		const zh = join(docsDir, 'zh-cn', `${id}.mdx`);
		if (!existsSync(en) || !existsSync(zh)) {
			problems.push(`${where}: no page src/content/docs/${id}.mdx (and its zh-cn twin) for these terms.`);
			continue;
		}
		const enText = readFileSync(en, 'utf8').toLowerCase();
		const zhText = readFileSync(zh, 'utf8');
		const terms = (parseYaml(readFileSync(join(glossaryDir, file), 'utf8'))?.terms ?? []) as { en: string; zh: string }[];
		for (const t of terms) {
			if (!forms(t.en.toLowerCase()).some((f) => enText.includes(f)))
				problems.push(`${where}: "${t.en}" does not appear in src/content/docs/${id}.mdx; use the term there or fix the entry.`);
			if (!forms(t.zh).some((f) => zhText.includes(f)))
				problems.push(`${where}: "${t.zh}" does not appear in src/content/docs/zh-cn/${id}.mdx; use the term there or fix the entry.`);
		}
	}
	return problems;
}
