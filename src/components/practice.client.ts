/**
 * The practice page's only script. Flashcards are scheduled by ts-fsrs; progress lives in localStorage under
 * `handbook-practice:<lang>` as `{ v: 1, cards: { <question id>: <ts-fsrs Card> }, sections: [<dir>…] }`. Stored
 * progress that cannot be read (not JSON, an older format, wrong shapes) is reported and reset; the page never breaks.
 */
import { type Card, type Grade, createEmptyCard, fsrs, State, TypeConvert } from 'ts-fsrs';

/** One question as practice-data/<lang>.json lists it, in the order of `ids`. */
type Q = [id: string, where: string, heading: string, url: string, answer: string, followUps: [text: string, id: string, url: string][]];
interface Data {
	lang: string;
	t: Record<string, string> & { rate: string[]; units: string[] };
	/** Where the questions and answers are; fetched when the reader starts practising. */
	url: string;
	sections: string[];
	/** Every question's id and section (an index into `sections`), in handbook order. */
	ids: string[];
	sec: number[];
}
interface Store {
	v: 1;
	cards: Record<string, Card>;
	sections: string[];
}

const root = document.querySelector<HTMLElement>('[data-practice]')!;
const D: Data = JSON.parse(document.getElementById('practice-data')!.textContent!);
const { t } = D;
const KEY = `handbook-practice:${D.lang}`;
const f = fsrs({ enable_fuzz: true });
const $ = <E extends HTMLElement = HTMLElement>(sel: string) => root.querySelector<E>(sel)!;
const $$ = <E extends HTMLElement = HTMLElement>(sel: string) => [...root.querySelectorAll<E>(sel)];
const index = new Map(D.ids.map((id, i) => [id, i]));
const sectionOf = (i: number) => D.sections[D.sec[i]];
let Q: Q[] | undefined;
let loading: Promise<Q[]> | undefined;
/** The questions and answers, fetched once; the page needs no network after that. */
const load = () =>
	(loading ??= fetch(D.url)
		.then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
		.then((j: { q: Q[] }) => (Q = j.q))
		.catch((e) => {
			loading = undefined;
			showError(t.loadFailed);
			throw e;
		}));

/** Reads stored progress; throws a reason the reader can understand when it is not progress of this version. */
function parse(text: string): Store {
	let raw: any;
	try {
		raw = JSON.parse(text);
	} catch {
		throw new Error(t.corrupt);
	}
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(t.invalid);
	if (raw.v !== 1) throw new Error(typeof raw.v === 'number' && raw.v > 1 ? t.invalid : t.old);
	if (!raw.cards || typeof raw.cards !== 'object' || !Array.isArray(raw.sections ?? [])) throw new Error(t.invalid);
	const cards: Record<string, Card> = {};
	for (const [id, c] of Object.entries<any>(raw.cards)) {
		const ok = c && ['stability', 'difficulty', 'reps', 'lapses', 'state', 'scheduled_days'].every((k) => Number.isFinite(c[k])) && !Number.isNaN(Date.parse(c.due));
		if (!ok) throw new Error(t.invalid);
		cards[id] = TypeConvert.card(c);
	}
	return { v: 1, cards, sections: (raw.sections ?? D.sections).filter((s: unknown) => typeof s === 'string') };
}

const fresh = (): Store => ({ v: 1, cards: {}, sections: [...D.sections] });
let store = fresh();
const saved = localStorage.getItem(KEY);
if (saved !== null) {
	try {
		store = parse(saved);
	} catch (e) {
		localStorage.removeItem(KEY);
		showError(t.badStore.replace('{why}', (e as Error).message));
	}
}
const save = () => localStorage.setItem(KEY, JSON.stringify(store));

function showError(text: string) {
	const el = $('[data-error]');
	el.textContent = text;
	el.hidden = !text;
}
const say = (text: string) => ($('[data-live]').textContent = text);

// --- State of the card on screen ---
let mode: 'cards' | 'mock' = 'cards';
let current = -1;
let revealed = false;
let started = 0;
let timer: number | undefined;

const chosen = () => D.ids.map((id, i) => [id, i] as const).filter(([, i]) => store.sections.includes(sectionOf(i)));
const isDue = (id: string, now: number) => store.cards[id] && store.cards[id].due.getTime() <= now;
const cardOf = (i: number) => store.cards[D.ids[i]];

/** Due cards first (most overdue first), then new cards in handbook order, then learning cards due within 20 minutes. */
function pickCard(): number {
	const now = Date.now();
	const pool = chosen();
	const other = pool.filter(([, i]) => i !== current);
	const byDue = (list: typeof pool) => list.sort(([a], [b]) => +store.cards[a].due - +store.cards[b].due)[0];
	const order = (list: typeof pool) => byDue(list.filter(([id]) => isDue(id, now))) ?? list.find(([id]) => !store.cards[id]);
	const soon = pool.filter(([id]) => store.cards[id] && store.cards[id].state !== State.Review && +store.cards[id].due - now < 20 * 60e3);
	return (order(other) ?? order(pool) ?? byDue(soon))?.[1] ?? -1;
}

function pickMock(): number {
	const pool = chosen().filter(([, i]) => i !== current);
	return pool.length ? pool[Math.floor(Math.random() * pool.length)][1] : chosen()[0]?.[1] ?? -1;
}

function interval(ms: number): string {
	const [m, h, d, mo] = t.units;
	const min = Math.max(1, Math.round(ms / 60e3));
	if (min < 60) return `${min} ${m}`;
	if (min < 24 * 60) return `${Math.round(min / 60)} ${h}`;
	const days = Math.round(min / 1440);
	return days < 60 ? `${days} ${d}` : `${Math.round(days / 30)} ${mo}`;
}

function counts() {
	const now = Date.now();
	let due = 0;
	let fresh = 0;
	for (const dir of D.sections) {
		const qs = D.ids.filter((_, i) => sectionOf(i) === dir);
		const d = qs.filter((id) => isDue(id, now)).length;
		const n = qs.filter((id) => !store.cards[id]).length;
		$(`[data-count="${dir}"]`).textContent = `${d} ${t.due} · ${n} ${t.new}`;
		if (store.sections.includes(dir)) [due, fresh] = [due + d, fresh + n];
	}
	$('[data-status]').textContent = `${due} ${t.due} · ${fresh} ${t.new}`;
}

function tick() {
	const s = Math.floor((Date.now() - started) / 1000);
	$('[data-timer]').textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The question on screen (the page is rendered with the first one). */
let filled = 0;
function fill(i: number) {
	if (!Q) {
		if (i !== filled) load().then(() => current === i && fill(i), () => {});
		return;
	}
	filled = i;
	const q = Q[i];
	$('[data-where]').textContent = q[1];
	$('[data-q]').textContent = q[2];
	$<HTMLAnchorElement>('[data-link]').href = q[3];
	$('[data-answer-body]').innerHTML = q[4];
	$('[data-followups-list]').replaceChildren(
		...q[5].map(([text, id, url]) => {
			const li = document.createElement('li');
			if (id && index.has(id)) {
				const b = Object.assign(document.createElement('button'), { type: 'button', className: 'pr-btn pr-btn--quiet' });
				b.dataset.id = id;
				b.innerHTML = `${text} <small>${t.ask}</small>`;
				b.onclick = () => ask(index.get(id)!);
				li.append(b);
			} else li.innerHTML = `<a href="${url}">${text}</a>`;
			return li;
		}),
	);
	$('[data-followups]').hidden = mode !== 'mock' || !q[5].length;
}

function show(i: number) {
	current = i;
	revealed = false;
	clearInterval(timer);
	const done = $('[data-done]');
	const none = i < 0;
	$('[data-answer]').hidden = true;
	$('[data-timer]').hidden = mode !== 'mock';
	$('[data-status]').hidden = mode === 'mock';
	$$('[data-rate]').forEach((b) => (b.hidden = true));
	$('[data-act="next"]').hidden = mode !== 'mock';
	$('[data-act="reveal"]').hidden = none;
	$('[data-q]').hidden = none;
	$('[data-where]').hidden = none;
	done.hidden = !none;
	counts();
	if (none) {
		const next = chosen()
			.map(([id]) => store.cards[id]?.due)
			.filter(Boolean)
			.sort((a, b) => +a! - +b!)[0];
		done.textContent = !store.sections.length ? t.noSection : `${t.done}${next ? ` ${t.nextDue}: ${next.toLocaleString(D.lang)}.` : ''}`;
		return;
	}
	fill(i);
	if (mode === 'mock') {
		started = Date.now();
		tick();
		timer = window.setInterval(tick, 1000);
	}
}

function ask(i: number) {
	show(i);
	$('[data-card]').focus();
	if (Q && i >= 0) say(Q[i][2]);
}

async function reveal() {
	if (current < 0 || revealed) return;
	revealed = true;
	try {
		await load();
	} catch {
		revealed = false;
		return;
	}
	fill(current);
	clearInterval(timer);
	$('[data-answer]').hidden = false;
	$('[data-act="reveal"]').hidden = true;
	if (mode === 'cards') {
		const now = new Date();
		const preview = f.repeat(cardOf(current) ?? createEmptyCard(now), now);
		$$('[data-rate]').forEach((b) => {
			b.hidden = false;
			b.querySelector('[data-ivl]')!.textContent = interval(+preview[Number(b.dataset.rate) as Grade].card.due - +now);
		});
	}
	$('[data-card]').focus();
	say(`${t.answer}: ${$('[data-answer-body]').textContent!.trim()}`);
}

function rate(grade: Grade) {
	if (mode !== 'cards' || !revealed || $('[data-answer]').hidden) return;
	const id = D.ids[current];
	const now = new Date();
	const card = f.next(store.cards[id] ?? createEmptyCard(now), now, grade).card;
	store.cards[id] = card;
	save();
	show(pickCard());
	$('[data-card]').focus();
	say(`${t.rated} ${t.rate[grade - 1]}, ${t.nextIn} ${interval(+card.due - +now)}. ${Q && current >= 0 ? Q[current][2] : ''}`);
}

function setMode(m: typeof mode) {
	mode = m;
	$$('[data-mode]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === m)));
	show(m === 'cards' ? pickCard() : pickMock());
}

function syncSections() {
	$$<HTMLInputElement>('.pr-section input').forEach((c) => (c.checked = store.sections.includes(c.value)));
}

// --- Wiring ---
root.addEventListener('click', (e) => {
	const el = (e.target as HTMLElement).closest<HTMLElement>('button');
	if (!el) return;
	const act = el.dataset.act;
	if (el.dataset.rate) rate(Number(el.dataset.rate) as Grade);
	else if (el.dataset.mode) setMode(el.dataset.mode as typeof mode);
	else if (act === 'reveal') reveal();
	else if (act === 'next') ask(pickMock());
	else if (act === 'all' || act === 'none') {
		store.sections = act === 'all' ? [...D.sections] : [];
		syncSections();
		save();
		setMode(mode);
	} else if (act === 'export') {
		const a = document.createElement('a');
		a.href = URL.createObjectURL(new Blob([JSON.stringify(store, null, 1)], { type: 'application/json' }));
		a.download = `handbook-practice-${D.lang}-${new Date().toISOString().slice(0, 10)}.json`;
		a.click();
		setTimeout(() => URL.revokeObjectURL(a.href), 1000);
	} else if (act === 'reset' && confirm(t.confirmReset)) {
		store = fresh();
		localStorage.removeItem(KEY);
		syncSections();
		showError('');
		setMode(mode);
		say(t.resetDone);
	}
});

root.addEventListener('change', async (e) => {
	const input = e.target as HTMLInputElement;
	if (input.matches('.pr-section input')) {
		store.sections = $$<HTMLInputElement>('.pr-section input').filter((c) => c.checked).map((c) => c.value);
		save();
		setMode(mode);
	} else if (input.matches('[data-import]') && input.files?.[0]) {
		const text = await input.files[0].text();
		input.value = '';
		try {
			store = parse(text);
		} catch (err) {
			showError(t.badImport.replace('{why}', (err as Error).message));
			return;
		}
		save();
		showError('');
		syncSections();
		setMode(mode);
		say(t.imported.replace('{n}', String(Object.keys(store.cards).length)));
	}
});

document.addEventListener('keydown', (e) => {
	const el = e.target as HTMLElement;
	if (e.ctrlKey || e.metaKey || e.altKey || el.closest('input, textarea, select, [contenteditable], dialog, site-search')) return;
	if (e.key === ' ' && !el.closest('button, a, summary')) {
		if (current < 0 || revealed) return;
		e.preventDefault();
		reveal();
	} else if (/^[1-4]$/.test(e.key)) rate(Number(e.key) as Grade);
	else if (e.key.toLowerCase() === 'n' && mode === 'mock') ask(pickMock());
});

syncSections();
show(pickCard());
// Fetch the answers as soon as the reader shows an intent to practise, or now for a returning reader.
if (Object.keys(store.cards).length || current !== 0) load().catch(() => {});
for (const type of ['pointerdown', 'keydown', 'focusin']) root.addEventListener(type, () => load().catch(() => {}), { once: true });
