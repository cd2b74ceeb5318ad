// The server serves src/text/fold.js as /tab/fold.js: the bot's own folding, one file for both.
export { fold } from '../../text/fold.js';
