import type { Config } from '../../config/config.js';
import type { Clock, Store } from '../../core/ports.js';
import { categoryPath } from '../../core/permalinks/permalinks.js';
import { sectionTree, type SectionNode } from '../../core/taxonomy/section-order.js';
import type { RenderContext } from '../../render/view-models/build-pages.js';
import type { NavItem } from '../../render/view-models/view-models.js';
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
      nav: sectionTree(categories).map(navItem),
      stylesheetHref: assets.stylesheetHref,
      scriptHref: assets.scriptHref,
      suggestScriptHref: assets.suggestScriptHref,
      logoHref: assets.logoHref,
    },
  };
}

const navItem = (node: SectionNode): NavItem => ({ text: node.category.name, href: categoryPath(node.category.slug), children: node.children.map(navItem) });
