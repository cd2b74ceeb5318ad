// The server serves src/text/csvCell.js as /tab/csvCell.js: the bot's own neutralising, one file for both.
export { neutraliseCsvCell } from '../../text/csvCell.js';
