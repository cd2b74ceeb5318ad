import type { Config } from '../config.js';
import type { Lang } from '../i18n/language.js';

/** The overview tab's entity id in the manifest's `staticTabs` (test/manifest checks they agree). */
export const OVERVIEW_TAB_ENTITY_ID = 'ch2-overblik';
/** The tab's name in the manifest, which a Teams deep link shows while it opens. */
export const OVERVIEW_TAB_LABEL = 'CH2-overblik';
/** Where the bot serves the overview page. */
export const OVERVIEW_PAGE_PATH = '/tab/';

/** A link to the overview: a button's title and where it goes. */
export interface OverviewLink {
  title: string;
  url: string;
}

const TITLE: Record<Lang, string> = { da: 'Åbn CH2-overblik', en: 'Open CH2 overview' };

/**
 * "Åbn CH2-overblik": in Teams a deep link that opens the app's personal tab
 * (https://teams.microsoft.com/l/entity/<app id>/<entity id>, with the page as `webUrl` for clients
 * that cannot open the tab); outside Teams (no app id: local mode, the Playground) the page itself.
 */
export function overviewLink(config: Pick<Config, 'teamsAppId' | 'publicBaseUrl'>, lang: Lang): OverviewLink {
  const page = `${config.publicBaseUrl.replace(/\/$/, '')}${OVERVIEW_PAGE_PATH}`;
  if (config.teamsAppId === '') return { title: TITLE[lang], url: page };
  const query = new URLSearchParams({ webUrl: page, label: OVERVIEW_TAB_LABEL });
  const url = `https://teams.microsoft.com/l/entity/${encodeURIComponent(config.teamsAppId)}/${encodeURIComponent(OVERVIEW_TAB_ENTITY_ID)}?${query.toString()}`;
  return { title: TITLE[lang], url };
}
