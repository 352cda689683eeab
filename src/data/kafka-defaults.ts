import { parse } from 'yaml';
import text from './kafka-defaults.yaml?raw';

/** The defaults of src/data/kafka-defaults.yaml: {producer: {'linger.ms': '5', …}, consumer: …}. */
export const kafkaDefaults: Record<string, Record<string, string>> = parse(text);

/** A stated default; throws (failing the build) for one the file does not hold. */
export function kafkaDefault(config: string, name: string): string {
	const value = kafkaDefaults[config]?.[name];
	if (value === undefined)
		throw new Error(`<Default config="${config}" name="${name}" />: add ${config}.${name} to src/data/kafka-defaults.yaml`);
	return String(value);
}
