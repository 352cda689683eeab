// @ts-check
import { defineEcConfig } from '@astrojs/starlight/expressive-code';

/*
 * Expressive Code makes a code block that scrolls sideways keyboard-focusable from a script that measures it once the
 * browser has laid it out. Topic pages draw their sections only near the screen (rehype-lazy-sections.ts), so a block
 * in a section not yet drawn is never measured and a keyboard user could tab past it. Blocks whose widest line does not
 * fit the narrowest phone (320 px: 223 px of code, 8.4 px per Latin character and 14 px per CJK one, measured in
 * Chromium) are therefore a tab stop from the start, as Expressive Code would make them; once drawn, its script
 * removes the tab stop again where the block turns out not to scroll.
 */
const PHONE_CODE_PX = 223;
const width = (/** @type {string} */ text) => [...text].reduce((w, c) => w + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(c) ? 14 : 8.4), 0);

/** @returns {import('@astrojs/starlight/expressive-code').ExpressiveCodePlugin} */
function tabStopWhenItMayScroll() {
	return {
		name: 'handbook: tab stop for blocks that scroll on a phone',
		hooks: {
			postprocessRenderedBlock: ({ codeBlock, renderData }) => {
				if (Math.max(0, ...codeBlock.getLines().map((l) => width(l.text))) <= PHONE_CODE_PX) return;
				/** @param {any} node */
				const visit = (node) => {
					if (node.type === 'element' && node.tagName === 'pre') Object.assign(node.properties, { tabindex: '0', role: 'region' });
					else node.children?.forEach(visit);
				};
				visit(renderData.blockAst);
			},
		},
	};
}

// Code block titles at 0.875rem, the size of the page's other small text: one font size fewer to look up (handbook.css).
export default defineEcConfig({ plugins: [tabStopWhenItMayScroll()], styleOverrides: { uiFontSize: '0.875rem' } });
