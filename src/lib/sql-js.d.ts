// The part of sql.js (which ships no types) that the deck writer (src/lib/apkg.ts) and the deck test use.
declare module 'sql.js' {
	interface Database {
		run(sql: string, params?: unknown[]): Database;
		exec(sql: string): { columns: string[]; values: unknown[][] }[];
		export(): Uint8Array;
		close(): void;
	}
	export default function initSqlJs(config?: { locateFile?: (file: string) => string }): Promise<{ Database: new (data?: Uint8Array) => Database }>;
}
