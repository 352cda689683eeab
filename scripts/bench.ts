// `npm run bench [-- --check] [-- --ci]`: builds the site, serves it like GitHub Pages (gzip, HTTP/1.1) and measures
// page weight, Lighthouse, search cost, build time and a 10× corpus; writes bench-report/report.{md,json}.
// --check exits non-zero when a budget in bench/budgets.json is broken. --ci keeps it cheap: a Lighthouse sample of
// home, the heaviest diagram page, the heaviest question bank, the practice page and the glossary in both languages,
// and no 10× corpus.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/diagrams.ts';
import { type LighthouseBudgets, type LighthouseScores, type PageWeight, categories, checkLighthouseBudgets, launch, lighthouse, median, meetsBudgets, pageWeight, runUntilDecided, searchCost, sitemap, timedBuild } from './lib/measure.ts';
import { green, red } from './lib/report.ts';
import { serve } from './lib/serve.ts';
import { buildPdfs } from './lib/pdf.ts';
import { pdfStats } from './lib/pdf-stats.ts';
import { topicDirs } from './lib/lint.ts';

const args = process.argv.slice(2);
const ci = args.includes('--ci');
const port = 4500;
const origin = `http://127.0.0.1:${port}`;
const outDir = 'dist-bench';
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
checkLighthouseBudgets(budgets as LighthouseBudgets);
// PDFs are timed on their own (scripts/lib/pdf-stats.ts): these builds compare the site with and without diagrams.
const env = { SITE_URL: origin, BASE_PATH: '/', HANDBOOK_PDF: 'off' };
const log = (line: string) => console.log(`bench: ${line}`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const dirBytes = (dir: string): number =>
	(readdirSync(dir, { recursive: true }) as string[]).reduce((n, f) => n + (statSync(join(dir, f)).isFile() ? statSync(join(dir, f)).size : 0), 0);

/**
 * Copies the project into .tmp/scale with every topic page (both languages, with its glossary terms) repeated `factor`
 * times inside its own section, as `<slug>-copy-<k>`: synthetic pages, never committed. Being real pages of real
 * sections, the copies also grow the sidebar of every page, the question bank and the glossary, as new content would.
 */
function scaleCorpus(factor: number): string {
	const dir = join(root, '.tmp', 'scale');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const entry of readdirSync(root)) {
		if (['node_modules', '.git', '.tmp'].includes(entry) || entry.startsWith('dist') || entry === 'bench-report') continue;
		cpSync(join(root, entry), join(dir, entry), { recursive: true });
	}
	const copies = (folder: string, ext: string) => {
		if (!existsSync(folder)) return;
		for (const file of readdirSync(folder).filter((f) => f.endsWith(ext) && f !== `index${ext}`))
			for (let k = 2; k <= factor; k++) cpSync(join(folder, file), join(folder, file.replace(ext, `-copy-${k}${ext}`)));
	};
	for (const section of topicDirs) {
		for (const lang of ['', 'zh-cn']) copies(join(dir, 'src/content/docs', lang, section), '.mdx');
		copies(join(dir, 'src/data/glossary', section), '.yaml');
	}
	return dir;
}

// First queries of one to three words: Pagefind fetches one index chunk per word, plus the shown results' excerpts.
const queries = [['/', 'rebalance'], ['/', 'consumer group'], ['/', 'exactly once semantics'], ['/zh-cn/', '分区'], ['/zh-cn/', 'Kafka 幂等'], ['/zh-cn/', '服务发现 负载均衡']];

interface Scale {
	pages: number;
	seconds: number;
	indexBytes: number;
	rendered: number;
	reused: number;
	search: Awaited<ReturnType<typeof searchCost>>[];
	weights: PageWeight[];
}

// A 10-second build varies by ±2 s from run to run here, enough to swing the warm-build ratio across its budget; each
// warm build runs three times and the fastest counts (the usual way to time a command: noise only ever adds time).
const warmRuns = 3;
function fastest<T extends { seconds: number; label: string }>(n: number, build: () => T): T & { samples: number[] } {
	const runs = Array.from({ length: n }, build);
	const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
	return { ...best, label: `${best.label} (fastest of ${n})`, samples: runs.map((r) => Number(r.seconds.toFixed(1))) };
}

/**
 * Lighthouse's scores vary from run to run: this session the Chinese Kafka question bank scored 99 in 5 of 63 runs and
 * 100 in the rest (70–115 ms of blocking time in those five, 0–84 ms in the others). Its documentation advises
 * thresholds on the median of several runs: "the median Lighthouse score of 5 runs is twice as stable as 1 run". So each
 * page runs until its verdict is decided (two passing runs, or else three runs that agree, at most five); the report
 * gives the median of its runs, each field on its own, and lists every run.
 */
async function medianLighthouse(path: string): Promise<LighthouseScores & { runs: LighthouseScores[]; passed: boolean; misses: number }> {
	const meets = (s: LighthouseScores) => meetsBudgets(s, budgets);
	let runsSoFar = 0;
	const { runs, passed } = await runUntilDecided(() => lighthouse(origin, path, { performanceOnly: runsSoFar++ > 0 }), meets);
	const fields = ['performance', 'accessibility', 'best-practices', 'seo', 'fcp', 'si', 'lcp', 'tbt', 'cls', 'mainThread', 'mainThreadCpu', 'benchmarkIndex', 'duringRun', 'afterRun', 'cpuSlowdown', 'attempts'] as const;
	const medians = Object.fromEntries(fields.map((k) => [k, Number(median(runs.map((r) => r[k]).filter((v) => !Number.isNaN(v))).toFixed(3))]));
	return { ...(medians as Omit<LighthouseScores, 'path' | 'lost'>), lost: runs.map((r) => r.lost).filter(Boolean).join('; '), path, runs, passed, misses: runs.filter((r) => !meets(r)).length };
}

async function run() {
	const started = performance.now();
	rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
	// The budget compares warm builds (fastest of three). The CI sample skips the cold builds, which are reported only:
	// its first "warm" build then starts from a cleared cache, and the fastest of the three still counts.
	log(`building without diagrams (fences left as code)${ci ? '' : ', cold then warm'}…`);
	const plainCold = ci ? undefined : timedBuild('no diagrams, cold', { ...env, HANDBOOK_DIAGRAMS: 'off' }, ['--outDir', outDir]);
	const plainWarm = fastest(warmRuns, () => timedBuild('no diagrams, warm', { ...env, HANDBOOK_DIAGRAMS: 'off' }, ['--outDir', outDir]));
	log(`building with diagrams${ci ? '' : ', cold then warm'}…`);
	rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
	const cold = ci ? undefined : timedBuild('diagrams, cold', env, ['--outDir', outDir, '--force']);
	const warm = fastest(warmRuns, () => timedBuild('diagrams, warm', env, ['--outDir', outDir]));
	const builds = [plainCold, plainWarm, cold, warm].filter((b) => b !== undefined);
	for (const b of builds) log(`${b.label}: ${b.seconds.toFixed(1)} s, ${b.pages} pages, diagrams ${b.rendered} rendered / ${b.reused} reused`);

	const dist = join(root, outDir);
	const server = await serve(dist, { port });
	const browser = await launch();
	const paths = sitemap(dist);
	// Bytes, not times: six pages load at once (each waits for its network to go quiet, mostly idle time). Three at once
	// and six at once gave the same requests and bytes on all 104 pages.
	const weights: PageWeight[] = [];
	const queue = [...paths];
	await Promise.all(
		Array.from({ length: 6 }, async () => {
			for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
				weights.push(await pageWeight(browser, origin, path));
				if (weights.length % 20 === 0 || weights.length === paths.length) log(`page weight: ${weights.length}/${paths.length} pages`);
			}
		}),
	);
	weights.sort((a, b) => b.totalGzip - a.totalGzip);

	log('search: first query in each language…');
	const search = [];
	for (const [home, query] of queries) search.push(await searchCost(browser, origin, home, query));
	await browser.close();

	const heaviestDiagram = weights.find((w) => w.diagrams > 0 && !w.path.startsWith('/zh-cn/'))!.path;
	const htmlBytes = (p: string) => statSync(join(dist, p, 'index.html')).size;
	const longest = paths.filter((p) => /^\/[^/]+\/[^/]+\/$/.test(p) && !p.startsWith('/zh-cn/')).sort((a, b) => htmlBytes(b) - htmlBytes(a))[0];
	// The question bank is one page per section; the heaviest of them stands for it.
	const heaviestBank = weights.find((w) => /^\/questions\/[^/]+\/$/.test(w.path))!.path;
	// CI samples home (it links the PDFs), the heaviest diagram page, the heaviest question bank, the practice page and the
	// glossary (the longest page; only the full run sampled it until 2026-12-05, when it was found scoring 95-100), each
	// in both languages; the full run adds the longest topic page.
	const practice = paths.includes('/practice/') ? ['/practice/'] : [];
	const sampleEn = ['/', heaviestDiagram, ...(ci ? [] : [longest]), heaviestBank, ...practice, '/glossary/'];
	const sample = [...new Set(sampleEn)].flatMap((p) => [p, `/zh-cn${p}`]);
	const scores: Awaited<ReturnType<typeof medianLighthouse>>[] = [];
	for (const p of sample) {
		log(`lighthouse (mobile): ${p}`);
		scores.push(await medianLighthouse(p));
	}
	server.close();

	// PDFs: the CI run reads those `npm test` just printed into dist/ (their size, and the seconds the build spent);
	// a full run prints them afresh from this build, cache cleared, and times it.
	const builtDist = join(root, 'dist', 'pdf', 'index.json');
	if (!ci || !existsSync(builtDist)) {
		log('pdf: printing the PDFs from this build…');
		rmSync(join(root, 'node_modules/.astro/handbook-pdf'), { recursive: true, force: true });
		await buildPdfs({ dist, base: '/', site: origin, log: () => {} });
	}
	const pdf = pdfStats(ci && existsSync(builtDist) ? join(root, 'dist') : dist);
	log(`pdf: ${pdf.pdfs.length} PDFs, ${kb(pdf.pdfs.reduce((n, p) => n + p.bytes, 0))} in all, printed in ${pdf.seconds.toFixed(0)} s`);

	let scale: Scale | undefined;
	const indexBytes = dirBytes(join(dist, 'pagefind'));
	if (!ci) {
		log('scale: building a 10× corpus in .tmp/scale…');
		const dir = scaleCorpus(10);
		const b = timedBuild('10× corpus', env, ['--force'], dir);
		// Report only (the budgets are for the real site): how search cost and the hub pages grow with the corpus.
		log('scale: search queries and hub page weights on the 10× corpus…');
		const scaleServer = await serve(join(dir, 'dist'), { port });
		const scaleBrowser = await launch();
		const scaleSearch = [];
		for (const [home, query] of queries) scaleSearch.push(await searchCost(scaleBrowser, origin, home, query));
		const scaleWeights = [];
		for (const path of ['/', heaviestDiagram, heaviestBank, '/glossary/']) scaleWeights.push(await pageWeight(scaleBrowser, origin, path));
		await scaleBrowser.close();
		scaleServer.close();
		scale = { pages: b.pages, seconds: b.seconds, indexBytes: dirBytes(join(dir, 'dist/pagefind')), rendered: b.rendered, reused: b.reused, search: scaleSearch, weights: scaleWeights };
		rmSync(dir, { recursive: true, force: true });
	}

	// Budgets.
	const breaches: string[] = [];
	for (const s of scores) {
		const before = breaches.length;
		const low = categories.filter((cat) => !(s[cat] >= budgets.lighthouse[cat])); // NaN (never measured) is a miss too
		for (const cat of low) breaches.push(`${s.path}: Lighthouse ${cat} ${s[cat]} < ${budgets.lighthouse[cat]}`);
		if (s.tbt > budgets.lighthouseTbtMs) breaches.push(`${s.path}: total blocking time ${s.tbt} ms > ${budgets.lighthouseTbtMs} ms`);
		if (s.mainThread > budgets.lighthouseMainThreadMs) breaches.push(`${s.path}: main-thread work ${s.mainThread} ms > ${budgets.lighthouseMainThreadMs} ms`);
		if (s.mainThreadCpu > budgets.lighthouseMainThreadCpuMs) breaches.push(`${s.path}: main-thread CPU time ${s.mainThreadCpu} ms > ${budgets.lighthouseMainThreadCpuMs} ms`);
		// Misses in different categories can leave every median within budget; the majority of runs still decides.
		if (!s.passed && breaches.length === before) breaches.push(`${s.path}: ${s.misses} of ${s.runs.length} Lighthouse runs miss a budget`);
	}
	for (const w of weights) {
		if (w.totalGzip > budgets.pageTransferGzipBytes) breaches.push(`${w.path}: first load ${kb(w.totalGzip)} gzip > ${kb(budgets.pageTransferGzipBytes)}`);
		if (w.diagramJs > budgets.diagramJsBytes) breaches.push(`${w.path}: ${w.diagramJs} bytes of diagram JavaScript`);
	}
	for (const m of pdf.missing) breaches.push(`pdf/${m}: not built`);
	for (const p of pdf.pdfs) {
		const limit = p.file.startsWith('handbook-') ? budgets.pdfHandbookBytes : budgets.pdfSectionBytes;
		if (p.bytes > limit) breaches.push(`pdf/${p.file}: ${kb(p.bytes)} > ${kb(limit)}`);
	}
	if (pdf.seconds > budgets.pdfSeconds) breaches.push(`PDFs printed in ${pdf.seconds.toFixed(0)} s > ${budgets.pdfSeconds} s`);
	for (const s of search) if (s.bytes > budgets.searchQueryGzipBytes) breaches.push(`search "${s.query}": ${kb(s.bytes)} > ${kb(budgets.searchQueryGzipBytes)}`);
	const ratio = warm.seconds / plainWarm.seconds;
	if (ratio > budgets.warmBuildVsNoDiagrams) breaches.push(`warm build ${warm.seconds.toFixed(1)} s is ${ratio.toFixed(2)}× the build without diagrams (> ${budgets.warmBuildVsNoDiagrams}×)`);
	if (scale) {
		if (scale.seconds > budgets.scaleBuildSeconds) breaches.push(`10× corpus built in ${scale.seconds.toFixed(0)} s > ${budgets.scaleBuildSeconds} s`);
		const growth = scale.seconds / cold!.seconds / (scale.pages / cold!.pages);
		if (growth > budgets.scaleGrowthVsLinear) breaches.push(`10× corpus build grew ${growth.toFixed(2)}× faster than linear`);
	}

	const report = { date: new Date().toISOString(), ci, builds, weights, search, lighthouse: scores, indexBytes, pdf, scale, budgets, breaches, seconds: (performance.now() - started) / 1000 };
	mkdirSync(join(root, 'bench-report'), { recursive: true });
	writeFileSync(join(root, 'bench-report/report.json'), `${JSON.stringify(report, null, 2)}\n`);
	writeFileSync(join(root, 'bench-report/report.md'), markdown(report));
	console.log(`\n${markdown(report)}`);
	if (breaches.length) console.log(red(`✗ ${breaches.length} budget breach(es):\n  ${breaches.join('\n  ')}`));
	else console.log(green('✓ every budget holds'));
	if (args.includes('--check') && breaches.length) process.exitCode = 1;
}

function markdown(r: any): string {
	const lines = [`# Benchmark (${r.date}${r.ci ? ', CI sample' : ''})`, '', '## Build', '', '| build | seconds | pages | diagrams rendered | reused |', '|---|---|---|---|---|'];
	for (const b of r.builds) lines.push(`| ${b.label}${b.samples ? `: ${b.samples.join(' / ')} s` : ''} | ${b.seconds.toFixed(1)} | ${b.pages} | ${b.rendered} | ${b.reused} |`);
	if (r.scale) lines.push(`| 10× corpus | ${r.scale.seconds.toFixed(1)} | ${r.scale.pages} | ${r.scale.rendered} | ${r.scale.reused} |`);
	lines.push('', `Search index: ${kb(r.indexBytes)}${r.scale ? `; 10× corpus: ${kb(r.scale.indexBytes)}` : ''}.`);
	lines.push('', `## PDFs (printed in ${r.pdf.seconds.toFixed(0)} s)`, '', '| file | pages | size |', '|---|---|---|');
	for (const p of r.pdf.pdfs) lines.push(`| ${p.file} | ${p.pages} | ${kb(p.bytes)} |`);
	lines.push('', '## Search (first query, fresh browser)', '', '| query | bytes (gzip) | time to first result |', '|---|---|---|');
	for (const s of r.search) lines.push(`| ${s.query} | ${kb(s.bytes)} | ${s.ms} ms |`);
	if (r.scale) {
		lines.push('', '## 10× corpus (report only)', '', '| query | bytes (gzip) | time to first result |', '|---|---|---|');
		for (const s of r.scale.search) lines.push(`| ${s.query} | ${kb(s.bytes)} | ${s.ms} ms |`);
		lines.push('', '| page | requests | gzip total | html |', '|---|---|---|---|');
		for (const w of r.scale.weights) lines.push(`| ${w.path} | ${w.requests} | ${kb(w.totalGzip)} | ${kb(w.gzip.html)} |`);
	}
	lines.push('', '## First load per page (heaviest first)', '', '| page | requests | gzip total | raw total | html | css | js | fonts | images | diagrams | diagram JS |', '|---|---|---|---|---|---|---|---|---|---|---|');
	for (const w of r.weights)
		lines.push(`| ${w.path} | ${w.requests} | ${kb(w.totalGzip)} | ${kb(w.totalRaw)} | ${kb(w.gzip.html)} | ${kb(w.gzip.css)} | ${kb(w.gzip.js)} | ${kb(w.gzip.font)} | ${kb(w.gzip.image)} | ${w.diagrams} | ${w.diagramJs} |`);
	// Lighthouse last, just before the verdict: CI shows only the tail of this output.
	lines.push('', '## Lighthouse (mobile, median of 2–5 runs; each run in brackets)', '', 'CPU slowdown calibrated to this machine before each run (Lighthouse BenchmarkIndex → multiplier, as Lighthouse\'s throttling guide advises; 4× at 1,533). Accessibility, best practices and SEO are scored on the first run of each page, performance on every run (– : not measured in that run).', '', '| page | perf | a11y | best practices | SEO | FCP ms | SI ms | LCP ms | TBT ms | main thread ms | of which CPU ms | CLS | metrics under 1 (per run) | host index (CPU ×) |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const s of r.lighthouse) {
		const each = (k: string) => (s.runs ? ` (${s.runs.map((x: any) => (Number.isNaN(x[k]) ? '–' : x[k])).join('/')})` : '');
		lines.push(`| ${s.path} | ${s.performance}${each('performance')} | ${s.accessibility}${each('accessibility')} | ${s['best-practices']} | ${s.seo} | ${s.fcp}${each('fcp')} | ${s.si}${each('si')} | ${s.lcp}${each('lcp')} | ${s.tbt}${each('tbt')} | ${s.mainThread}${each('mainThread')} | ${s.mainThreadCpu}${each('mainThreadCpu')} | ${s.cls} | ${s.lost || '–'} | ${s.runs ? s.runs.map((x: any) => `${x.benchmarkIndex}→${x.duringRun}→${x.afterRun} (${x.cpuSlowdown}×${x.attempts > 1 ? `, ${x.attempts} tries` : ''})`).join(' / ') : ''} |`);
	}
	lines.push('', `Budgets: ${r.breaches.length ? `${r.breaches.length} breach(es)` : 'all hold'}.`, ...r.breaches.map((b: string) => `- ${b}`), '');
	return lines.join('\n');
}

await run();
