/**
 * Reads the interview questions out of a page's Markdown: every `##` heading followed by a `<ShortAnswer>`.
 * Shared by the question bank (at build time) and the content lint, so both agree on what a question is.
 */
import { expandCurrent } from '../data/current.ts';
export interface Question {
	/** The heading text as written. */
	heading: string;
	/** The Markdown inside `<ShortAnswer>…</ShortAnswer>`, or undefined when the heading has none. */
	shortAnswer?: string;
	/** 1-based line of the heading within the text given. */
	line: number;
	/** The question's stable id, `<ShortAnswer id="…">`: the same in both languages, kept when the wording changes. */
	id?: string;
	/** The links inside the question's `<FollowUps>`, as written. */
	followUps: { text: string; href: string }[];
}

/** Blanks out fenced code so that `##` or tags inside code are never read as structure; keeps line numbers. */
export function withoutCode(text: string): string {
	const lines = text.split('\n');
	let fence: string | undefined;
	return lines
		.map((line) => {
			const m = /^\s*(`{3,}|~{3,})/.exec(line);
			if (fence) {
				if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
				return '';
			}
			if (m) {
				fence = m[1];
				return '';
			}
			return line;
		})
		.join('\n');
}

export function sections(text: string): { heading: string; line: number; content: string }[] {
	const lines = withoutCode(text).split('\n');
	const out: { heading: string; line: number; content: string }[] = [];
	lines.forEach((line, i) => {
		const m = /^##\s+(.+?)\s*#*\s*$/.exec(line);
		if (m) out.push({ heading: m[1], line: i + 1, content: '' });
		else if (out.length) out[out.length - 1].content += `${line}\n`;
	});
	return out;
}

export function extractQuestions(text: string): Question[] {
	// A short answer may say what is current with <Current … />; its readers get the text the page shows. Chinese
	// pages are the ones with Chinese text, and they write dates the Chinese way.
	const lang = /[\u4e00-\u9fff]/.test(text) ? 'zh-cn' : 'en';
	return sections(text).map(({ heading, line, content }) => {
		const m = /^\s*<ShortAnswer((?:\s+[a-z]+="[^"]*")*)\s*>\s*\n([\s\S]*?)\n\s*<\/ShortAnswer>/.exec(content);
		const id = m && /\sid="([^"]*)"/.exec(m[1])?.[1];
		const links = /<FollowUps>([\s\S]*?)<\/FollowUps>/.exec(content)?.[1] ?? '';
		const followUps = [...links.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)].map((l) => ({ text: l[1], href: l[2] }));
		return { heading, line, shortAnswer: m ? expandCurrent(m[2].trim(), lang) : undefined, ...(id == null ? {} : { id }), followUps };
	});
}
