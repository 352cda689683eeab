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
