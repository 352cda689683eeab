// @ts-check
/**
 * The handbook's two languages. The folder and URL use the locale key (`zh-cn`); sidebar `translations`,
 * UI string files and `lang` use the BCP-47 tag (`zh-CN`). A wrong key silently falls back to English.
 * @satisfies {import('@astrojs/starlight/types').StarlightUserConfig['locales']}
 */
export const locales = {
	root: { label: 'English', lang: 'en' },
	'zh-cn': { label: '简体中文', lang: 'zh-CN' },
};

/** Locale keys of every non-root locale, i.e. the folders under `src/content/docs/`. */
export const localeDirs = Object.keys(locales).filter((key) => key !== 'root');
