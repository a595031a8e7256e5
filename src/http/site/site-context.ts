import type { Config } from '../../config/config.js';
import type { Clock, Store } from '../../core/ports.js';
import { categoryPath } from '../../core/permalinks/permalinks.js';
import { topLevel } from '../../core/taxonomy/taxonomy.js';
import type { RenderContext } from '../../render/view-models/build-pages.js';
import type { SiteAssets } from './assets.js';

export interface SiteDeps {
  config: Config;
  store: Store;
  clock: Clock;
  assets: SiteAssets;
}

/** What every page render needs: the site's identity, navigation, date format and "now". */
export async function renderContext(deps: SiteDeps, now: Date): Promise<RenderContext> {
  const { config, assets } = deps;
  const categories = await deps.store.categories.list();
  return {
    now,
    format: { locale: config.locale, timeZone: config.timeZone },
    site: {
      name: config.siteName,
      description: config.siteDescription,
      url: config.siteUrl,
      lang: config.locale,
      nav: topLevel(categories).map((category) => ({ text: category.name, href: categoryPath(category.slug) })),
      stylesheetHref: assets.stylesheetHref,
      scriptHref: assets.scriptHref,
      logoHref: assets.logoHref,
    },
  };
}
