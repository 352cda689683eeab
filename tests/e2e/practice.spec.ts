import { readFileSync } from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { buildApkg } from '../../src/lib/apkg.ts';
import { extractQuestions } from '../../src/lib/questions.ts';
import { base, sourceQuestions, watch } from './helpers';

/** The notes of an .apkg file, read with fflate (zip) and sql.js (SQLite), as Anki would read them. */
async function deckNotes(bytes: Uint8Array) {
	const files = unzipSync(bytes);
	expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
	const SQL = await initSqlJs();
	const db = new SQL.Database(files['collection.anki2']);
	const rows = db.exec('SELECT n.guid, n.flds, n.tags, c.did FROM notes n JOIN cards c ON c.nid = n.id ORDER BY n.id')[0]?.values ?? [];
	const decks = JSON.parse(String(db.exec('SELECT decks FROM col')[0].values[0][0]));
	db.close();
	return { notes: rows.map(([guid, flds, tags, did]) => ({ guid: String(guid), fields: String(flds).split('\x1f'), tags: String(tags).trim().split(' '), did })), decks };
}

const card = (page: Page) => page.locator('[data-card]');
const status = (page: Page) => page.locator('[data-status]');
/** "3 due · 120 new" (or the Chinese form) as [due, new]. */
const numbers = async (page: Page, sel = '[data-status]') => (await page.locator(sel).innerText()).match(/\d+/g)!.map(Number);

for (const lang of ['en', 'zh-cn'] as const) {
	const prefix = lang === 'en' ? '' : 'zh-cn/';
	const ids = new Map([...sourceQuestions(lang)].map(([dir, qs]) => [dir, qs.map((q) => q.id!)]));
	const total = [...ids.values()].flat().length;

	test(`${lang}: reveal a card, rate it, reload: that card is no longer due and the counts changed`, async ({ page }) => {
		const { errors } = watch(page);
		await page.goto(`${prefix}practice/`);
		await expect(status(page)).toHaveText(new RegExp(`^0 \\D+ ${total} \\D+$`));
		const first = (await page.locator('[data-q]').innerText()).trim();
		const section = [...ids.keys()][0];
		expect(await numbers(page, `[data-count="${section}"]`)).toEqual([0, ids.get(section)!.length]);

		await page.locator('[data-act="reveal"]').click();
		const answer = page.locator('[data-answer]');
		await expect(answer).toBeVisible();
		// The reveal is announced: the live region carries the answer's text.
		const answerText = (await page.locator('[data-answer-body]').innerText()).trim().slice(0, 30);
		await expect(page.locator('[aria-live="polite"][data-live]')).toContainText(answerText);
		await expect(answer.locator('a[data-link]')).toHaveAttribute('href', /#.+/);
		// Rating buttons show when each choice would bring the card back.
		await expect(page.locator('[data-rate="3"] [data-ivl]')).not.toBeEmpty();
		await page.locator('[data-rate="3"]').click();

		await expect(page.locator('[data-q]')).not.toHaveText(first);
		expect(await numbers(page)).toEqual([0, total - 1]);
		await page.reload();
		await expect(page.locator('[data-q]')).not.toHaveText(first);
		expect(await numbers(page)).toEqual([0, total - 1]);
		expect(await numbers(page, `[data-count="${section}"]`)).toEqual([0, ids.get(section)!.length - 1]);
		const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), `handbook-practice:${lang}`);
		const rated = Object.keys(stored.cards);
		expect(rated.length).toBe(1);
		expect(ids.get(section)).toContain(rated[0]);
		expect(Date.parse(stored.cards[rated[0]].due)).toBeGreaterThan(Date.now());
		// Progress is kept per language.
		const other = lang === 'en' ? 'zh-cn' : 'en';
		expect(await page.evaluate((key) => localStorage.getItem(key), `handbook-practice:${other}`)).toBeNull();
		expect(errors).toEqual([]);
	});

	test(`${lang}: the keyboard path: Space reveals, 1–4 rate, sections narrow the cards`, async ({ page }) => {
		await page.goto(`${prefix}practice/`);
		await page.waitForLoadState('load');
		const kafka = ids.get('kafka')!;
		// Choose Kafka only, by keyboard: "None", then the Kafka checkbox.
		await page.locator('[data-act="none"]').focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-done]')).toBeVisible();
		await page.locator('.pr-section input[value="kafka"]').focus();
		await page.keyboard.press('Space');
		await expect(status(page)).toHaveText(new RegExp(`^0 \\D+ ${kafka.length} \\D+$`));
		await card(page).focus();
		for (const key of ['1', '4']) {
			const before = await page.locator('[data-q]').innerText();
			await page.keyboard.press('Space');
			await expect(page.locator('[data-answer]')).toBeVisible();
			await page.keyboard.press(key);
			await expect(page.locator('[data-answer]')).toBeHidden();
			await expect(page.locator('[data-q]')).not.toHaveText(before);
		}
		expect(await numbers(page)).toEqual([0, kafka.length - 2]);
		// The next card's question is in a Kafka page.
		await expect(page.locator('[data-where]')).toContainText('Kafka');
		const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), `handbook-practice:${lang}`);
		expect(Object.keys(stored.cards).length).toBe(2);
		for (const id of Object.keys(stored.cards)) expect(kafka).toContain(id);
		expect(stored.sections).toEqual(['kafka']);
	});

	test(`${lang}: the mock interview times an answer, reveals the short answer and follow-ups, and asks a follow-up`, async ({ page }) => {
		await page.goto(`${prefix}practice/`);
		await page.locator('[data-mode="mock"]').click();
		await expect(page.locator('[data-mode="mock"]')).toHaveAttribute('aria-pressed', 'true');
		const timer = page.locator('[role="timer"]');
		await expect(timer).toBeVisible();
		await expect(timer).toHaveText(/^0:0[1-9]$/, { timeout: 5000 });
		await card(page).focus();
		// Ask until a question with a follow-up that is itself a question comes up (most have one).
		const ask = page.locator('[data-followups-list] button[data-id]');
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Space');
			await expect(page.locator('[data-answer]')).toBeVisible();
			if ((await ask.count()) > 0) break;
			await page.keyboard.press('n');
		}
		await expect(page.locator('[data-followups]')).toBeVisible();
		await expect(timer).toHaveText(/^\d+:\d\d$/);
		await expect(page.locator('[data-rate="3"]')).toBeHidden();
		const id = (await ask.first().getAttribute('data-id'))!;
		await ask.first().click();
		await expect(page.locator('[data-answer]')).toBeHidden();
		await expect(timer).toHaveText('0:00');
		// The follow-up is now the question on the card: the page's data names its heading by id.
		const data = await (await page.request.get(new URL(`${base}practice-data/${lang}.json`, page.url()).href)).json();
		const heading = data.q.find((q: string[]) => q[0] === id)[2];
		await expect(page.locator('[data-q]')).toHaveText(heading);
	});

	test(`${lang}: progress exports to a file, resets and imports back`, async ({ page }) => {
		await page.goto(`${prefix}practice/`);
		await page.keyboard.press('Space');
		await expect(page.locator('[data-answer]')).toBeVisible();
		await page.keyboard.press('3');
		await expect(status(page)).toHaveText(new RegExp(`^0 \\D+ ${total - 1} \\D+$`));
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-act="export"]').click()]);
		expect(download.suggestedFilename()).toMatch(new RegExp(`^handbook-practice-${lang}-\\d{4}-\\d\\d-\\d\\d\\.json$`));
		const file = await download.path();
		page.once('dialog', (d) => d.accept());
		await page.locator('[data-act="reset"]').click();
		await expect(status(page)).toHaveText(new RegExp(`^0 \\D+ ${total} \\D+$`));
		await page.locator('[data-import]').setInputFiles(file);
		await expect(status(page)).toHaveText(new RegExp(`^0 \\D+ ${total - 1} \\D+$`));
		// A file that is not progress is refused, and nothing changes.
		await page.locator('[data-import]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[1,2]') });
		await expect(page.locator('[data-error]')).toBeVisible();
		await expect(status(page)).toHaveText(new RegExp(`^0 \\D+ ${total - 1} \\D+$`));
	});

	for (const [kind, stored, reason] of [
		['corrupt', '{"v":1,"cards":', /not valid JSON|不是有效的 JSON/],
		['older-format', JSON.stringify({ cards: { x: { interval: 3 } } }), /older version|旧版/],
		['wrong-shape', JSON.stringify({ v: 1, cards: { x: { due: 'soon' } }, sections: [] }), /unexpected content|内容格式不对/],
	] as const) {
		test(`${lang}: ${kind} stored progress is reported and reset, and the page still works`, async ({ page }) => {
			const { errors } = watch(page);
			await page.addInitScript(([key, value]) => {
				if (!sessionStorage.getItem('seeded')) localStorage.setItem(key, value);
				sessionStorage.setItem('seeded', '1');
			}, [`handbook-practice:${lang}`, stored]);
			await page.goto(`${prefix}practice/`);
			const alert = page.locator('[role="alert"][data-error]');
			await expect(alert).toBeVisible();
			await expect(alert).toContainText(reason);
			await expect(page.locator('[data-q]')).toBeVisible();
			await expect(status(page)).toHaveText(new RegExp(`^0 \\D+ ${total} \\D+$`));
			expect(await page.evaluate((key) => localStorage.getItem(key), `handbook-practice:${lang}`)).toBeNull();
			await page.keyboard.press('Space');
			await expect(page.locator('[data-answer]')).toBeVisible();
			await page.keyboard.press('3');
			await page.reload();
			await expect(alert).toBeHidden();
			await expect(status(page)).toHaveText(new RegExp(`^0 \\D+ ${total - 1} \\D+$`));
			expect(errors).toEqual([]);
		});
	}

	test(`${lang}: the Kafka deck downloads from the practice page and holds exactly the Kafka questions`, async ({ page }) => {
		await page.goto(`${prefix}practice/`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-deck="kafka"]').click()]);
		expect(download.suggestedFilename()).toBe(`handbook-${lang}-kafka.apkg`);
		const { notes, decks } = await deckNotes(readFileSync(await download.path()));
		const kafka = ids.get('kafka')!;
		expect(notes.length).toBe(kafka.length);
		expect(notes.map((n) => n.guid).sort()).toEqual(kafka.map((id) => `handbook-${lang}-${id}`).sort());
		for (const n of notes) {
			expect(n.tags).toContain('kafka');
			expect(n.fields[1]).toMatch(new RegExp(`href="https?://[^"]+/${prefix}kafka/[^"]+#`));
		}
		expect(Object.values<{ name: string }>(decks).map((d) => d.name)).toContainEqual(expect.stringMatching(/::Apache Kafka$/));
	});
}

test('a deck built from a fixture page holds exactly its questions, one note each, keyed by question id', async () => {
	const fixture = readFileSync('tests/fixtures/valid/kafka/sample.mdx', 'utf8');
	const questions = extractQuestions(fixture).filter((q) => q.shortAnswer);
	expect(questions.length).toBe(4);
	const bytes = await buildApkg({
		deck: 'Fixture',
		model: 'Fixture',
		notes: questions.map((q) => ({ guid: `fixture-${q.id}`, front: q.heading, back: q.shortAnswer!, tags: ['kafka'] })),
	});
	const { notes } = await deckNotes(bytes);
	expect(notes.length).toBe(4);
	expect(notes.map((n) => n.guid)).toEqual(['kafka-split-topic-partitions', 'consumer-group', 'offsets-stored', 'acks-all-mean'].map((id) => `fixture-${id}`));
	expect(notes[1].fields).toEqual(['What is a consumer group?', questions[1].shortAnswer]);
	// The same input builds the same file, so a rebuilt site does not change the decks it did not need to.
	expect(Buffer.from(await buildApkg({ deck: 'Fixture', model: 'Fixture', notes: [] })).equals(Buffer.from(await buildApkg({ deck: 'Fixture', model: 'Fixture', notes: [] })))).toBe(true);
});

test('the practice page loads its own script (at most 15 KB gzip), which no other page loads, and does not shift on load', async ({ page }) => {
	const scripts = async (path: string) => {
		const found: { url: string; size: number }[] = [];
		page.on('requestfinished', async (r) => {
			if (r.resourceType() === 'script') found.push({ url: r.url(), size: (await r.sizes()).responseBodySize });
		});
		await page.goto(path, { waitUntil: 'networkidle' });
		await page.waitForTimeout(200);
		page.removeAllListeners('requestfinished');
		return found;
	};
	const topic = await scripts('kafka/partitions/');
	await page.addInitScript(() => {
		(window as any).__cls = 0;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__cls += e.value;
		}).observe({ type: 'layout-shift', buffered: true });
	});
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 850 });
		const practice = await scripts('zh-cn/practice/');
		const own = practice.filter((s) => !topic.some((t) => t.url === s.url));
		expect(own.map((s) => new URL(s.url).pathname)).toEqual([expect.stringMatching(/practice/)]);
		expect(own[0].size).toBeGreaterThan(0);
		expect(own[0].size).toBeLessThanOrEqual(15 * 1024);
		expect(topic.some((s) => /practice/.test(s.url))).toBe(false);
		await page.waitForTimeout(500);
		expect(await page.evaluate(() => (window as any).__cls)).toBeLessThan(0.001);
	}
});

test('once the reader has started, practice works offline: cards, ratings and the mock interview', async ({ page, context }) => {
	await page.goto('practice/');
	await page.keyboard.press('Space');
	await expect(page.locator('[data-answer]')).toBeVisible();
	await context.setOffline(true);
	for (let i = 0; i < 3; i++) {
		const before = await page.locator('[data-q]').innerText();
		await page.keyboard.press('3');
		await expect(page.locator('[data-q]')).not.toHaveText(before);
		await page.keyboard.press('Space');
		await expect(page.locator('[data-answer-body]')).not.toBeEmpty();
	}
	await page.locator('[data-mode="mock"]').click();
	await card(page).focus();
	await page.keyboard.press('n');
	await page.keyboard.press('Space');
	await expect(page.locator('[data-answer-body] p').first()).toBeVisible();
	await expect(page.locator('[data-error]')).toBeHidden();
	await context.setOffline(false);
});
