// @ts-check
/**
 * Where the site is served from. `SITE_URL` and `BASE_PATH` win when set; inside GitHub Actions the values follow
 * from `GITHUB_REPOSITORY`, so a fork deploys to its own GitHub Pages with no edit: a repository named
 * `<owner>.github.io` is served at `/`, any other at `/<repo>/`.
 * @param {Record<string, string | undefined>} env
 */
export function resolveSite(env) {
	const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
	const isUserSite = Boolean(owner && repo && repo.toLowerCase() === `${owner.toLowerCase()}.github.io`);
	const fromRepo = Boolean(owner && repo && env.GITHUB_ACTIONS === 'true');
	const site =
		env.SITE_URL || (fromRepo ? `https://${owner.toLowerCase()}.github.io` : 'https://example.github.io');
	const rawBase = env.BASE_PATH || (fromRepo && !isUserSite ? `/${repo}/` : '/');
	const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
	const repoUrl = owner && repo ? `https://github.com/${owner}/${repo}` : 'https://github.com/backend-interview-handbook/handbook';
	return { site, base, repoUrl };
}
