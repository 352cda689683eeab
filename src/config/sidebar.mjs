// @ts-check
import { sections } from './sections.mjs';

/** @type {import('@astrojs/starlight/types').StarlightUserConfig['sidebar']} */
export const sidebar = [
	{
		label: 'Start here',
		translations: { 'zh-CN': '从这里开始' },
		items: [
			{
				// One question bank page per section (`questions/<section>.mdx`), so no page grows with the whole handbook.
				// A section listed here without its bank page fails the build.
				label: 'Question bank',
				translations: { 'zh-CN': '题库' },
				collapsed: true,
				items: [
					{ slug: 'questions', label: 'All sections', translations: { 'zh-CN': '全部章节' } },
					...sections.map((section) => ({
						slug: `questions/${section.dir}`,
						label: section.label,
						translations: { 'zh-CN': section.zh },
					})),
				],
			},
			{ slug: 'practice', label: 'Practice', translations: { 'zh-CN': '练习' } },
			{ slug: 'glossary', label: 'Glossary', translations: { 'zh-CN': '术语表' } },
		],
	},
	...sections.map((section) => ({
		label: section.label,
		translations: { 'zh-CN': section.zh },
		items: [{ autogenerate: { directory: section.dir } }],
	})),
];
