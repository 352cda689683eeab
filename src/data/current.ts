/**
 * What is "current" for each product the handbook calls current, checked against a primary source on one date
 * (`asOf`). Pages print a value with `<Current product="kafka" />` (the version) or
 * `<Current product="kafka" field="released" />`, so a new release is one edit here: change the entry, its source
 * and `asOf`. Leave `released` out when no primary source gives the date; the component then refuses to print one.
 */
export interface CurrentRelease {
	/** Product name as the pages write it. */
	name: string;
	/** The current release line (or train), e.g. '4.4'. */
	version: string;
	/** Newest release of that line at `asOf`, e.g. '4.4.1'. */
	latest: string;
	/** Release date of the line's first release, 'YYYY-MM-DD' or 'YYYY-MM'. */
	released?: string;
	/** Primary source that shows it. */
	source: string;
}

export const asOf = '2026-12-02';

export const current = {
	kafka: {
		name: 'Apache Kafka',
		version: '4.4',
		latest: '4.4.0',
		source: 'https://repo.maven.apache.org/maven2/org/apache/kafka/kafka-clients/maven-metadata.xml',
	},
	spark: {
		name: 'Apache Spark',
		version: '4.3',
		latest: '4.3.0',
		source: 'https://pypi.org/project/pyspark/4.3.0/',
	},
	'spring-cloud': {
		name: 'Spring Cloud',
		version: '2025.1',
		latest: '2025.1.4',
		released: '2025-11',
		source: 'https://repo.maven.apache.org/maven2/org/springframework/cloud/spring-cloud-dependencies/maven-metadata.xml',
	},
	jmeter: {
		name: 'Apache JMeter',
		version: '5.6',
		latest: '5.6.3',
		released: '2024-01',
		source: 'https://github.com/apache/jmeter/releases/tag/rel/v5.6.3',
	},
	rabbitmq: {
		name: 'RabbitMQ',
		version: '4.4',
		latest: '4.4.1',
		released: '2026-10-19',
		source: 'https://github.com/rabbitmq/rabbitmq-server/releases/tag/v4.4.0',
	},
	kubernetes: {
		name: 'Kubernetes',
		version: '1.37',
		latest: '1.37',
		released: '2026-08-26',
		source: 'https://kubernetes.io/blog/2026/08/26/kubernetes-v1-37-release/',
	},
} satisfies Record<string, CurrentRelease>;

export type Product = keyof typeof current;
export type Field = 'version' | 'latest' | 'released' | 'asOf';
export type Lang = 'en' | 'zh-cn';

const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM-DD' or 'YYYY-MM' as the page's language writes a date: "19 October 2026", "2026 年 10 月 19 日". */
export function formatDate(date: string, lang: Lang): string {
	const [y, m, d] = date.split('-').map(Number);
	if (lang === 'zh-cn') return d ? `${y} 年 ${m} 月 ${d} 日` : `${y} 年 ${m} 月`;
	return d ? `${d} ${monthsEn[m - 1]} ${y}` : `${monthsEn[m - 1]} ${y}`;
}

/** The text `<Current product field />` stands for; throws, naming the fix, on an unknown product or a missing date. */
export function currentText(product: string | undefined, field: Field = 'version', lang: Lang = 'en'): string {
	if (field === 'asOf') return formatDate(asOf, lang);
	const entry = (current as Record<string, CurrentRelease>)[product ?? ''];
	if (!entry) throw new Error(`<Current product="${product}">: no such product in src/data/current.ts (${Object.keys(current).join(', ')}).`);
	if (field === 'released') {
		if (!entry.released) throw new Error(`<Current product="${product}" field="released">: src/data/current.ts has no confirmed release date for ${entry.name}; add one with its source, or do not print a date.`);
		return formatDate(entry.released, lang);
	}
	return entry[field];
}

/**
 * Replaces `<Current … />` tags in a piece of Markdown (a short answer read by the question bank, the practice page
 * and the lint) with their text, so those readers show what the rendered page shows.
 */
export function expandCurrent(markdown: string, lang: Lang = 'en'): string {
	return markdown.replace(/<Current((?:\s+[a-zA-Z]+="[^"]*")*)\s*\/>/g, (_, attrs: string) => {
		const get = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
		return currentText(get('product'), (get('field') ?? 'version') as Field, lang);
	});
}
