// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { locales } from './src/config/locales.mjs';
import { sidebar } from './src/config/sidebar.mjs';
import { resolveSite } from './src/config/site.mjs';
import { firstPaint } from './src/integrations/first-paint.ts';
import { handbook } from './src/integrations/handbook.ts';
import { knownWrong } from './src/integrations/known-wrong.ts';
import { handbookPdf } from './src/integrations/pdf.ts';
import { remarkMermaid } from './src/integrations/remark-mermaid.ts';
import { remarkCodeSearchIgnore } from './src/integrations/remark-code-search-ignore.ts';
import { rehypeBaseLinks } from './src/integrations/rehype-base-links.ts';
import { rehypeLazySections } from './src/integrations/rehype-lazy-sections.ts';

const { site, base, repoUrl } = resolveSite(process.env);
// The benchmark's baseline build leaves Mermaid fences as code blocks (HANDBOOK_DIAGRAMS=off) to measure what
// diagrams cost the build; every other build renders them.
const diagrams = process.env.HANDBOOK_DIAGRAMS !== 'off';
// The build prints the handbook's PDFs from the built pages (scripts/lib/pdf.ts); HANDBOOK_PDF=off builds the site alone.
const pdf = process.env.HANDBOOK_PDF !== 'off';
// Pagefind splits its index into chunks of about 20,000 word positions (~33 KB gzip) and a first query fetches one
// chunk per word, so a two-word query cost 170–200 KB. Chunks of 2,000 positions (~5 KB) bring every measured first
// query under 125 KB for about 170 KB more index on disk. Pagefind 1.6.0 reads this from the environment of the
// binary Starlight spawns; the version is pinned, and `npm run bench -- --check` (run in CI) fails if it stops working.
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '2000';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// Astro 7's default Markdown processor (Sätteri) does not run remark/rehype plugins; ours need unified.
	markdown: {
		processor: unified({
			remarkPlugins: [...(diagrams ? [remarkMermaid] : []), remarkCodeSearchIgnore],
			rehypePlugins: [rehypeBaseLinks({ base }), rehypeLazySections],
		}),
	},
	integrations: [
		handbook({ diagrams }),
		// After the build, before the PDFs are printed from the built pages: inline module scripts and a first paint that
		// holds the first screen (src/integrations/first-paint.ts).
		firstPaint(),
		// After the build, before anything reads dist/: no page may repeat a claim in src/data/known-wrong.yaml.
		knownWrong(),
		handbookPdf({ enabled: pdf }),
		starlight({
			title: { en: 'Backend Interview Handbook', 'zh-CN': '后端面试手册' },
			description: 'Backend and system-design interview answers, checked against primary sources, in English and 简体中文.',
			defaultLocale: 'root',
			locales,
			sidebar,
			// PNG, not SVG: a browser builds each SVG image as a document of its own on the page's main thread (the logo
			// and the favicon: 2-4 ms each at 1x CPU, before and after the first paint), a PNG is decoded off it. Measured
			// on /zh-cn/microservices/observability/ (Lighthouse, 13x CPU, 10 runs each): main-thread work 2,103 -> 1,866 ms.
			// Both are src/assets/logo.svg rendered by `npm run icons` (scripts/icons.ts; 128 and 64 px, palette PNG): 1.8 KB and 1 KB.
			logo: { src: './src/assets/logo.png', alt: '' },
			favicon: '/favicon.png',
			lastUpdated: true,
			editLink: { baseUrl: `${repoUrl}/edit/main/` },
			social: [{ icon: 'github', label: 'GitHub', href: repoUrl }],
			customCss: ['./src/styles/handbook.css', './src/styles/print.css'],
			components: { PageTitle: './src/components/page-title.astro', Search: './src/components/search.astro' },
			plugins: [
				starlightLinksValidator({
					errorOnInconsistentLocale: true,
					errorOnFallbackPages: true,
					// The only links allowed across languages: each home page and the bilingual 404 point to the other
					// language's home page.
					exclude: ({ link, slug }) =>
						['', 'zh-cn', '404'].includes(slug) && [`${base}`, `${base}zh-cn/`].includes(link),
				}),
			],
		}),
	],
});
