import { existsSync } from 'node:fs';
import { glossaryProblems } from './glossary.ts';
import { compareTwins, lintPage } from './lint.ts';
import { listPages, missingTwins, readPage, twinPath } from './pages.ts';
import { idProblems } from './question-ids.ts';

/** Every content check that needs no browser: missing twins, page shape, question ids, Chinese typography, twin structure. */
export function contentProblems(files = listPages()) {
	const pages = files.map(readPage);
	const twins = missingTwins(listPages());
	const shape = pages.flatMap(lintPage);
	const parity = pages
		.filter((p) => p.locale === 'en')
		.flatMap((en) => {
			const zh = ['.mdx', '.md'].map((ext) => twinPath(en, ext)).find(existsSync);
			return zh ? compareTwins(en, readPage(zh)) : [];
		});
	return { twins, shape: [...shape, ...parity, ...idProblems(pages), ...(files.length === listPages().length ? glossaryProblems() : [])] };
}

export const hints = {
	twins: 'every page exists in English (src/content/docs/…) and Chinese (src/content/docs/zh-cn/…) at the same path.',
	shape: 'see AUTHORING.md for the page shape and the Chinese typography rules.',
};
