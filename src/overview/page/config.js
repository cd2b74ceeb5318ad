// @ts-check
/** The channel tab's set-up page: Teams shows it once, and "Gem" adds the overview tab. */
/** @type {any} the Teams SDK's UMD bundle puts itself on window */
const teams = /** @type {any} */ (window).microsoftTeams;
await teams.app.initialize();
const base = `${location.origin}/tab/`;
teams.pages.config.registerOnSaveHandler((/** @type {any} */ save) => {
  teams.pages.config
    .setConfig({ entityId: 'ch2-overblik', contentUrl: `${base}?inTeams=1`, websiteUrl: base, suggestedDisplayName: 'CH2-overblik' })
    .then(() => save.notifySuccess())
    .catch((/** @type {Error} */ error) => save.notifyFailure(error.message));
});
teams.pages.config.setValidityState(true);
export {};
