/**
 * Where KOMBIT's list is and how to reach it. The Graph SDK itself is in graphClient.ts, loaded only
 * when a sync runs, so that a bot without a list (and every start-up) does not pay for it.
 */

/** How the bot reaches Microsoft Graph, from GRAPH_* (shared by the list's sync and the edge's app installer). */
export interface GraphCredentialSettings {
  /** https://graph.microsoft.com/ in production; a stand-in on 127.0.0.1 in tests. */
  baseUrl: string;
  /** A token minted elsewhere; replaces the credential flow when set. */
  accessToken: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  certificatePath: string;
}

/** The Graph credential settings as the environment gives them (each trimmed; empty when not set). */
export function graphCredentialSettings(env: NodeJS.ProcessEnv): GraphCredentialSettings {
  const value = (name: string) => env[name]?.trim() ?? '';
  return {
    baseUrl: value('GRAPH_BASE_URL') || 'https://graph.microsoft.com/',
    accessToken: value('GRAPH_ACCESS_TOKEN'),
    tenantId: value('GRAPH_TENANT_ID') || value('MicrosoftAppTenantId'),
    clientId: value('GRAPH_CLIENT_ID') || value('MicrosoftAppId'),
    clientSecret: value('GRAPH_CLIENT_SECRET'),
    certificatePath: value('GRAPH_CERTIFICATE_PATH'),
  };
}

export interface GraphSettings extends GraphCredentialSettings {
  siteId: string;
  listId: string;
  /** An Excel table instead of a list: the workbook's drive and item, and the table's name. */
  driveId: string;
  itemId: string;
  table: string;
}

/** Reads the GRAPH_* settings; `null` with the reason when the list is not configured. */
export function graphSettings(env: NodeJS.ProcessEnv = process.env): GraphSettings | { missing: string } {
  const value = (name: string) => env[name]?.trim() ?? '';
  const settings: GraphSettings = {
    ...graphCredentialSettings(env),
    siteId: value('GRAPH_SITE_ID'),
    listId: value('GRAPH_LIST_ID'),
    driveId: value('GRAPH_DRIVE_ID'),
    itemId: value('GRAPH_ITEM_ID'),
    table: value('GRAPH_TABLE'),
  };
  const list = settings.siteId && settings.listId;
  const excel = settings.driveId && settings.itemId && settings.table;
  if (!list && !excel) {
    return { missing: "GRAPH_SITE_ID and GRAPH_LIST_ID (a SharePoint list), or GRAPH_DRIVE_ID, GRAPH_ITEM_ID and GRAPH_TABLE (an Excel table), with KOMBIT's systems" };
  }
  if (!settings.accessToken && !(settings.tenantId && settings.clientId && (settings.clientSecret || settings.certificatePath))) {
    return { missing: 'GRAPH_ACCESS_TOKEN, or GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (or GRAPH_CERTIFICATE_PATH)' };
  }
  return settings;
}
