import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { guardedLoader } from './integrations/render-guard';

const glossaryTerm = z.object({
	en: z.string().min(1),
	zh: z.string().min(1),
	def: z.object({ en: z.string().min(1), zh: z.string().min(1) }),
	/** Other spellings of the Chinese term that the pages must not use; the content lint flags them. */
	variants: z.array(z.string().min(1)).optional(),
});

export const collections = {
	docs: defineCollection({
		// Astro's glob loader logs a `.md` render error and ships an empty page; the guard turns it into a failed build.
		loader: guardedLoader(docsLoader()),
		schema: docsSchema({
			extend: z.object({
				/** Products and versions the page's claims were checked against, shown under the title. */
				versions: z.array(z.string().min(3)).optional(),
			}),
		}),
	}),
	i18n: defineCollection({
		loader: i18nLoader(),
		schema: i18nSchema({
			extend: z.object({
				'handbook.shortAnswer': z.string(),
				'handbook.followUps': z.string(),
				'handbook.misconception': z.string(),
				'handbook.checkedAgainst': z.string(),
				'handbook.diagram': z.string(),
			}),
		}),
	}),
	/** One YAML file per topic page (`<section>/<slug>.yaml`): the terms that page explains. */
	glossary: defineCollection({
		loader: glob({ pattern: '**/*.yaml', base: './src/data/glossary' }),
		schema: z.object({ terms: z.array(glossaryTerm).min(1) }),
	}),
};
