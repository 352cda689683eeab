/**
 * Turns a light and a dark rendering of the same diagram into one SVG whose colours follow Starlight's theme
 * (`html[data-theme]`) by CSS alone.
 *
 * Mermaid draws both themes with the same layout and the same stylesheet template; only colour values differ. We line
 * the two renderings up colour by colour: a colour that is the same in both stays as it is, a pair that differs
 * becomes a CSS custom property (`--dN`) with the light value by default and the dark value under
 * `html[data-theme='dark']`. Presentation attributes (`fill="…"`) cannot hold `var()`, so they are moved into the
 * element's `style` first. Print always uses the light colours. If the two renderings ever differ in anything but
 * colour, we ship both and let CSS show one, which is heavier but still correct.
 */
const NAMED = ['white', 'black', 'lightgrey', 'lightgray', 'grey', 'gray', 'darkgrey', 'darkgray', 'red', 'green', 'blue', 'yellow', 'orange', 'purple', 'pink', 'brown', 'navy', 'teal', 'silver', 'maroon', 'aqua', 'fuchsia', 'lime', 'olive', 'lightblue', 'lightyellow', 'lightgreen', 'ghostwhite', 'whitesmoke', 'steelblue', 'dimgray', 'dimgrey', 'darkblue', 'darkred', 'darkgreen', 'lightcoral', 'coral', 'salmon', 'gold', 'khaki', 'plum', 'violet', 'indigo', 'crimson', 'tomato', 'wheat', 'beige', 'ivory', 'lavender', 'linen', 'snow', 'azure', 'mintcream', 'honeydew', 'aliceblue', 'seashell', 'oldlace', 'cornsilk', 'currentColor'];
export const COLOR = new RegExp(
	'#[0-9a-fA-F]{8}\\b|#[0-9a-fA-F]{6}\\b|#[0-9a-fA-F]{3,4}\\b|rgba?\\([^)]*\\)|hsla?\\([^)]*\\)' +
		`|(?<=[:"]\\s*)(?:${NAMED.join('|')})(?![\\w-])`,
	'gi',
);
const COLOR_ONLY = new RegExp(`^(?:${COLOR.source})$`);
const PAINT_ATTRS = ['fill', 'stroke', 'stop-color', 'flood-color', 'lighting-color', 'color'];

const TAG = /<([a-zA-Z][\w:-]*)(\s[^>]*?)?(\/?)>/g;
const PAINT = new RegExp(`\\s(${PAINT_ATTRS.join('|')})="([^"]*)"`, 'g');
const paints = (attrs = '') =>
	new Map([...attrs.matchAll(PAINT)].filter((m) => COLOR_ONLY.test(m[2].trim())).map((m) => [m[1], m[2].trim()]));

/**
 * Moves the colour-valued presentation attributes that differ between the light and the dark drawing into each tag's
 * `style`, where they can hold `var()`. An attribute that is the same in both stays an attribute: it may be a
 * fallback Mermaid writes under its own stylesheet (sequence actors get `fill="#eaeaea"` while `.actor` sets the theme
 * colour), and an inline style would override that stylesheet, which left light-grey boxes under white text in dark mode.
 */
export function paintAttributesToStyle(light: string, dark: string): [string, string] {
	const darkTags = [...dark.matchAll(TAG)];
	if ([...light.matchAll(TAG)].length !== darkTags.length) return [light, dark];
	const moves: Set<string>[] = [];
	let i = 0;
	light.replace(TAG, (_tag, _name, attrs = '') => {
		const l = paints(attrs);
		const d = paints(darkTags[i++][2]);
		moves.push(new Set([...l.keys()].filter((k) => d.get(k)?.toLowerCase() !== l.get(k)!.toLowerCase())));
		return '';
	});
	const move = (svg: string) => {
		let k = 0;
		return svg.replace(TAG, (tag, name: string, attrs = '', selfClose: string) => {
			const keys = moves[k++];
			if (keys.size === 0) return tag;
			const moved: string[] = [];
			let rest = attrs.replace(PAINT, (attr: string, key: string, value: string) => {
				if (!keys.has(key) || !COLOR_ONLY.test(value.trim())) return attr;
				moved.push(`${key}:${value.trim()}`);
				return '';
			});
			if (/\sstyle="/.test(rest)) rest = rest.replace(/\sstyle="([^"]*)"/, (_m: string, st: string) => ` style="${st.replace(/;?\s*$/, ';')}${moved.join(';')}"`);
			else rest += ` style="${moved.join(';')}"`;
			return `<${name}${rest}${selfClose}>`;
		});
	};
	return [move(light), move(dark)];
}

export interface Accessible {
	title: string;
	descr: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Makes the SVG one image for assistive technology (`role="img"`), named by its accTitle and described by its
 * accDescr, whatever the diagram type (not every Mermaid diagram type writes `<title>`/`<desc>` itself).
 */
function asImage(svg: string, id: string, a: Accessible): string {
	const open = /^<svg[^>]*>/.exec(svg)![0];
	const cleaned = open
		.replace(/\s(role|aria-roledescription|aria-labelledby|aria-describedby)="[^"]*"/g, '')
		.replace(/^<svg/, `<svg role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`);
	const inner = svg
		.slice(open.length)
		.replace(/<title[^>]*>[\s\S]*?<\/title>|<desc[^>]*>[\s\S]*?<\/desc>/g, '');
	return `${cleaned}<title id="${id}-title">${escapeXml(a.title)}</title><desc id="${id}-desc">${escapeXml(a.descr)}</desc>${inner}`;
}

/**
 * Gives every element id that Mermaid did not scope to the diagram (sequence diagrams number their actors with a
 * counter that runs across the whole render session) a name derived from the diagram id and its order of appearance,
 * and rewrites the references to it. The output then depends only on the source, and two diagrams on one page can
 * never share an id.
 */
function scopeIds(svg: string, id: string): string {
	const foreign = [...new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))].filter((x) => !x.startsWith(id));
	foreign.forEach((old, k) => {
		const escaped = old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		svg = svg.replace(new RegExp(`(["#])${escaped}(?=["\\s)\\]'.,:;{>])`, 'g'), `$1${id}-i${k}`);
	});
	return svg;
}

/**
 * Rounds the coordinates in path data, point lists and transforms to 0.1 px (a diagram is never drawn larger than 1.5
 * times its natural size, so that is well under a screen pixel), and drops empty style attributes. Mermaid draws some
 * shapes through Rough.js, which writes every number with 15 digits: one stadium-shaped node came to 42 KB of path data.
 */
export function roundGeometry(svg: string): string {
	// Every number, including the compact form in which `.5.5` is two numbers: when the original relied on the second
	// dot to separate them, the rounded output gets a space instead.
	const round = (n: string, at: number, value: string) => {
		const r = String(Math.round(Number(n) * 10) / 10);
		return /[\d.]/.test(value[at - 1] ?? '') ? ` ${r}` : r;
	};
	return svg
		.replace(/\s(d|points|transform)="([^"]*)"/g, (_m, key: string, value: string) => ` ${key}="${value.replace(/-?(?:\d*\.\d+|\d+)(?:e[-+]?\d+)?/gi, round)}"`)
		.replace(/\sstyle=""/g, '');
}

export function themeFollowingSvg(light: string, dark: string, id: string, a: Accessible): string {
	const [l, d] = paintAttributesToStyle(roundGeometry(light.trim()), roundGeometry(dark.trim()));
	const lightColors = l.match(COLOR) ?? [];
	const darkColors = d.match(COLOR) ?? [];
	const sameShape = l.replace(COLOR, '\0') === d.replace(COLOR, '\0') && lightColors.length === darkColors.length;
	if (!sameShape) return bothThemes(light, dark, id, a);

	const vars = new Map<string, string>(); // "light|dark" → variable name
	let i = 0;
	const merged = l.replace(COLOR, (lightColor) => {
		const darkColor = darkColors[i++];
		if (lightColor.toLowerCase() === darkColor.toLowerCase()) return lightColor;
		const pair = `${lightColor}|${darkColor}`;
		if (!vars.has(pair)) vars.set(pair, `--d${vars.size}`);
		return `var(${vars.get(pair)})`;
	});
	const decl = (pick: 0 | 1) => [...vars].map(([pair, name]) => `${name}:${pair.split('|')[pick]}`).join(';');
	const themeStyle =
		`<style>#${id}{${decl(0)}}` + `@media screen{html[data-theme='dark'] #${id}{${decl(1)}}}</style>`;
	return scopeIds(asImage(merged, id, a).replace(/(<\/desc>)/, `$1${themeStyle}`), id);
}

/** The fallback: both renderings, one shown per theme (ids of the dark copy are suffixed to stay unique). */
function bothThemes(light: string, dark: string, id: string, a: Accessible): string {
	const darkUnique = dark.replaceAll(id, `${id}-dark`);
	return (
		scopeIds(asImage(light.replace(/^<svg/, '<svg data-diagram-theme="light"'), id, a), id) +
		scopeIds(asImage(darkUnique.replace(/^<svg/, '<svg data-diagram-theme="dark"'), `${id}-dark`, a), `${id}-dark`)
	);
}
