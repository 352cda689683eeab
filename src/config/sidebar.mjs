// @ts-check
import { sections } from './sections.mjs';

/** @type {import('@astrojs/starlight/types').StarlightUserConfig['sidebar']} */
export const sidebar = [
	{
		label: 'Start here',
		translations: { 'zh-CN': '从这里开始' },
		items: [
			{ slug: 'questions', label: 'Question bank', translations: { 'zh-CN': '题库' } },
			{ slug: 'glossary', label: 'Glossary', translations: { 'zh-CN': '术语表' } },
		],
	},
	...sections.map((section) => ({
		label: section.label,
		translations: { 'zh-CN': section.zh },
		items: [{ autogenerate: { directory: section.dir } }],
	})),
];
