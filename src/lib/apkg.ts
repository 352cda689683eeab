import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { zipSync, strToU8 } from 'fflate';
import initSqlJs from 'sql.js';

/**
 * Writes an Anki deck package (.apkg): a zip (fflate) holding `collection.anki2`, an SQLite database (sql.js) in
 * Anki's collection schema 11, which every Anki since 2.1 imports, and an empty `media` list. One Basic (Front/Back)
 * note type, one card per note. A note's guid comes from the caller's stable id, so importing a newer deck updates the
 * notes already in Anki instead of adding copies.
 */
export interface DeckNote {
	guid: string;
	front: string;
	back: string;
	tags: string[];
}

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
  factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);`;

/** A stable 31-bit positive id from a name, for the deck and note type (Anki ids are integers, here not timestamps). */
const idOf = (name: string) => (createHash('sha1').update(name).digest().readUInt32BE(0) >>> 1) + 1_000_000_000;
/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the sort field, as an integer. */
const checksum = (s: string) => Number.parseInt(createHash('sha1').update(s.replace(/<[^>]*>/g, '')).digest('hex').slice(0, 8), 16);

let sql: ReturnType<typeof initSqlJs> | undefined;

export async function buildApkg({ deck, model, notes, css = '' }: { deck: string; model: string; notes: DeckNote[]; css?: string }): Promise<Uint8Array> {
	sql ??= initSqlJs({ locateFile: (f: string) => createRequire(import.meta.url).resolve(`sql.js/dist/${f}`) });
	const db = new (await sql).Database();
	try {
		db.run(SCHEMA);
		const did = idOf(`deck:${deck}`);
		const mid = idOf(`model:${model}`);
		const mod = 1_767_225_600; // fixed (2026-01-01), so the same pages build the same file
		const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] });
		const models = {
			[mid]: {
				id: mid, name: model, type: 0, mod, usn: -1, sortf: 0, did, tags: [], vers: [], css,
				flds: [field('Front', 0), field('Back', 1)],
				tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}', did: null, bqfmt: '', bafmt: '' }],
				req: [[0, 'any', [0]]],
				latexPre: '\\documentclass[12pt]{article}\n\\pagestyle{empty}\n\\begin{document}\n',
				latexPost: '\\end{document}',
			},
		};
		const deckRow = (id: number, name: string) => ({
			id, name, desc: '', mod, usn: -1, collapsed: false, dyn: 0, conf: 1, extendNew: 10, extendRev: 50,
			newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0],
		});
		const dconf = {
			1: {
				id: 1, name: 'Default', mod: 0, usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
				new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
				lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
				rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
			},
		};
		const conf = { activeDecks: [1], curDeck: 1, curModel: String(mid), nextPos: notes.length + 1, sortType: 'noteFld', sortBackwards: false, addToCur: true, newSpread: 0, dueCounts: true, estTimes: true, collapseTime: 1200, timeLim: 0 };
		db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
			mod, mod * 1000, mod * 1000, JSON.stringify(conf), JSON.stringify(models),
			JSON.stringify({ 1: deckRow(1, 'Default'), [did]: deckRow(did, deck) }), JSON.stringify(dconf), '{}',
		]);
		notes.forEach((n, i) => {
			const id = mod * 1000 + i; // note and card ids are millisecond timestamps in Anki; unique and stable here
			db.run('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)', [
				id, n.guid, mid, mod, ` ${n.tags.map((t) => t.replace(/\s+/g, '_')).join(' ')} `, `${n.front}\x1f${n.back}`, n.front, checksum(n.front), '',
			]);
			db.run('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)', [id, id, did, mod, i + 1, '']);
		});
		return zipSync({ 'collection.anki2': db.export(), media: strToU8('{}') }, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
	} finally {
		db.close();
	}
}
