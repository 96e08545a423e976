// The docs site's canonical address. TSDoc and READMEs link the Theory page there (the npm
// tarballs carry no site); the site's own pages link it relatively. See README "Address".

/** Canonical URL of the deployed site, with a trailing slash (GitHub Pages of the benignlab organization). */
export const siteUrl = 'https://benignlab.github.io/';

/** The source repository and its issue tracker. */
export const repositoryUrl = 'https://github.com/benignlab/benignlab';

/**
 * Turns links to the canonical site (`https://benignlab.github.io/theory.html#section-4`)
 * into site-relative ones (`/theory#section-4`), for text rendered into the site itself.
 */
export function localizeSiteLinks(text) {
  return text.replaceAll(/https:\/\/benignlab\.github\.io\/([\w/-]*?)(?:\.html)?(?=[#)\s]|$)/g, '/$1');
}
