import type { Lang } from '../i18n/language.js';
import type { Log } from '../log.js';
import type { Storage } from '../store/storage.js';
import type { Clock } from '../time/clock.js';
import type { Registry } from '../registry/registry.js';
import type { IsoDate } from '../time/calendarDate.js';

/*
 * What a feature contributes to the front ends besides chat: HTTP routes, static pages, CLI commands
 * and help examples. Plain data and functions: no restify, no botbuilder; `bot/`, the CLI and the
 * manifest packager turn them into what they serve.
 */

/**
 * Who may call a route, checked in one place (bot/routeAccess.ts) before the route sees the request:
 * - `public`: anyone;
 * - `teams-sso`: a Teams single sign-on token (Entra ID, for this bot's app id, from an allowed tenant);
 * - `admin`: `Authorization: Bearer <OPS_TOKEN>`, or a Teams SSO token of one of KOMBIT's administrators.
 * In local mode (no MicrosoftAppId, listening on loopback) nothing is authenticated, as on /api/messages.
 */
export type RouteAccess = 'public' | 'teams-sso' | 'admin';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who called, as far as the route's access kind asked. */
export type Caller =
  /** A public route: nobody was asked who they are. */
  | { kind: 'anonymous' }
  /** Local mode: nothing is authenticated (no MicrosoftAppId, loopback only). */
  | { kind: 'local' }
  /** The operations token (OPS_TOKEN). */
  | { kind: 'operator' }
  /** A person signed in to Teams: their Entra ID object id and tenant, vouched for by the token. */
  | { kind: 'user'; aadObjectId: string; tenantId: string; name: string | null; admin: boolean };

export interface HttpRequest {
  method: HttpMethod;
  /** The path, without the query. */
  path: string;
  /** The route's `:name` segments, and `*` for what a `/*` route matched. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** A POST's body, read within MAX_BODY_BYTES: parsed JSON, a form's fields, or undefined. */
  body: unknown;
  caller: Caller;
}

export interface HttpResponse {
  status: number;
  /** The content type, e.g. `text/html; charset=utf-8`. */
  type: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

/**
 * One HTTP route a feature serves. `path` is `/literal/:name` segments, or ends in `/*` for
 * everything beneath it. The edge reads the body (POST, PUT, PATCH) only after access is granted.
 */
export interface HttpRoute {
  method: HttpMethod;
  path: string;
  access: RouteAccess;
  handle(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * A folder of static files served under `path` (`/tab` serves the folder's files as `/tab/NAME`,
 * `index.html` also as `/tab/`, and redirects `/tab` to `/tab/`). Only files directly in the folder,
 * with a known web type (html, js, css, png, svg, ico, json), are served; anything else is 404.
 */
export interface StaticPage {
  path: string;
  dir: URL;
  /** Files from elsewhere served beside the folder's: a shared browser module, a library's bundle. */
  files?: Record<string, URL | string>;
  /** Headers on every file of the page (its Content-Security-Policy, say). */
  headers?: Record<string, string>;
  access?: RouteAccess;
}

/** What a CLI command is handed: where the data is, the clock, and where its output goes. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Where the registry, the surveys and the administrators are: files in DATA_DIR, or PostgreSQL. */
  storage: Storage;
  clock: Clock;
  /** ADMIN_AAD_OBJECT_IDS, read from the environment. */
  adminIds: string[];
  /** The environment (DATA_DIR, the Microsoft Graph settings). */
  env: NodeJS.ProcessEnv;
  /** Warnings about the data files (a damaged journal line); JSON lines on stderr when left out. */
  log?: Log;
}

/** The command line as a command sees it: what follows its name, and the options given. */
export interface CliArgs {
  /** The words after the command's name. */
  positionals: string[];
  /** Every option given (the CLI knows the union of all commands' options). */
  values: Readonly<Record<string, string | boolean | undefined>>;
  /** `--lang`, checked: da or en; undefined when not given. */
  lang: Lang | undefined;
}

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** Thrown by a command for wrong usage: the CLI prints the message and the usage, and exits 2. */
export class CliUsageError extends Error {}

export interface CliOption {
  type: 'string' | 'boolean';
  short?: string;
}

/**
 * A command of `npm run cli`. `name` may be two words (`surveys close`): a command and its action.
 * The usage text is generated from `name`, `args` and `summary`.
 */
export interface CliCommand {
  name: string;
  /** What follows the name in the usage line: `SURVEY_ID [--reason TEXT] [--lang da|en]`. */
  args: string;
  summary: string;
  /** The options it reads, for the parser (`--reason`, say); `--lang` and `--help` are always known. */
  options?: Record<string, CliOption>;
  /** Whether the registry is seeded with the starter data first (true unless the command says no). */
  seeds?: boolean;
  run(args: CliArgs, io: CliIo): Promise<number>;
}

export type Scope = 'personal' | 'team' | 'groupChat';

/**
 * A question or command to show people: in the help card (and the "didn't understand" reply) and,
 * with `menu`, in the Teams command menu of the app package. `title` is what to type (≤ 32
 * characters in the menu), `description` what it does (≤ 128; the menu needs one).
 */
export interface HelpExample {
  da: { title: string; description?: string };
  en: { title: string; description?: string };
  /** Where the menu offers it; all three when left out. */
  scopes?: readonly Scope[];
  /** Shown in the help card (default true). */
  card?: boolean;
  /** Offered in the Teams command menu (default false). */
  menu?: boolean;
  /** Lower comes first (default 50); ties keep the order of the feature list. */
  rank?: number;
  /**
   * The example asked of the data in use (the Playground's made-up systems, say), so that pressing it
   * gets a real answer: the title as it is when it fits, another question, or null to leave it out.
   * The command menu keeps the titles: it ships in the app package, with KOMBIT's data.
   */
  fitTo?(data: Registry, today: IsoDate, lang: Lang): string | null;
}
