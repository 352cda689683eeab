// Serves a built site locally like GitHub Pages: `node scripts/serve.ts [dir] [port] [base]`.
import { resolve } from 'node:path';
import { serve } from './lib/serve.ts';

const [dir = 'dist', port = '4321', base = process.env.BASE_PATH ?? '/'] = process.argv.slice(2);
const normalized = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
await serve(resolve(dir), { port: Number(port), base: normalized });
console.log(`serving ${dir} at http://127.0.0.1:${port}${normalized}`);
