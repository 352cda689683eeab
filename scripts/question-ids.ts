// Adds a stable id to every interview question that has none (`<ShortAnswer id="…">`), English pages first, then
// their Chinese twins with the same ids. `npm run question-ids [-- files…]`. See AUTHORING.md.
import { resolve } from 'node:path';
import { addIds } from './lib/question-ids.ts';
import { listPages } from './lib/pages.ts';

const args = process.argv.slice(2).map((f) => resolve(f));
const changed = addIds(args.length ? args : listPages());
console.log(changed.length ? `added ids in:\n  ${changed.join('\n  ')}` : 'every question already has an id');
