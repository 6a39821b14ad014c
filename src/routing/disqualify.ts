import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { parseEmail } from '../identity/index.js';
import { compilePredicate, wordKey } from '../predicate/compile.js';
import type { Predicate } from '../predicate/types.js';
import { defineStep, type Step } from './steps.js';

/** The tests that disqualify a lead. Any one of them is enough. */
export interface DisqualifyOptions<L, R extends string> {
  /** Competitor domains; their subdomains count too. */
  readonly competitorDomains?: readonly string[];
  /** Disposable-mailbox domains, such as a list from the `disposable-email-domains` package. */
  readonly disposableDomains?: readonly string[];
  /** Whole words in the title, compared case-insensitively, such as `student` or `intern`. */
  readonly titleWords?: readonly string[];
  /** A predicate on the lead; only `match` disqualifies, never `unknown`. */
  readonly when?: Predicate<L>;
  /** Defaults to `email`. */
  readonly emailField?: string;
  /** Defaults to `title`. */
  readonly titleField?: string;
  /** The route of disqualified leads. Defaults to `disqualified`. */
  readonly route?: R;
}

const API = 'disqualifyStep';

function domainSet(path: string, domains: unknown): Set<string> {
  if (domains === undefined) return new Set();
  if (!Array.isArray(domains)) throw new ConfigError(API, path, `expected an array of domains, received ${describeValue(domains)}`);
  return new Set(
    domains.map((domain: unknown, i) => {
      const parsed = parseEmail(`x@${String(domain)}`);
      if (typeof domain !== 'string' || !parsed.ok) {
        throw new ConfigError(API, `${path}[${i}]`, `expected a domain such as "rival.com", received ${describeValue(domain)}`);
      }
      return parsed.domain;
    }),
  );
}

/** Returns the listed domain that `domain` is, or is a subdomain of. */
function listed(domains: ReadonlySet<string>, domain: string): string | undefined {
  for (let candidate = domain; candidate.includes('.'); candidate = candidate.slice(candidate.indexOf('.') + 1)) {
    if (domains.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Builds the step that claims competitors, disposable emails, unwanted titles and leads that
 * match a predicate, for the `disqualified` route. The reason code names the test that hit.
 *
 * @example
 * const gate = disqualifyStep({ competitorDomains: ['rival.com'], titleWords: ['student', 'intern'] });
 */
/* @__NO_SIDE_EFFECTS__ */
export function disqualifyStep<L = any, const R extends string = 'disqualified'>(options: DisqualifyOptions<L, R> = {}): Step<L, NoInfer<R>> {
  if (options === null || typeof options !== 'object') {
    throw new ConfigError(API, '', `expected an options object, received ${describeValue(options)}`);
  }
  const competitors = domainSet('competitorDomains', options.competitorDomains);
  const disposable = domainSet('disposableDomains', options.disposableDomains);
  const words = options.titleWords ?? [];
  if (!Array.isArray(words) || words.some((word) => typeof word !== 'string' || wordKey(word).trim() === '')) {
    throw new ConfigError(API, 'titleWords', `expected an array of words, received ${describeValue(words)}`);
  }
  const wordKeys = words.map(wordKey);
  const test = options.when === undefined ? undefined : compilePredicate(API, options.when, undefined, 'when');
  const emailPath = splitPath(API, 'emailField', options.emailField ?? 'email');
  const titlePath = splitPath(API, 'titleField', options.titleField ?? 'title');
  const route = (options.route ?? 'disqualified') as R;

  return defineStep<L, R>({
    id: 'disqualify',
    routes: [route],
    run: ({ lead }) => {
      const email = parseEmail(readPath(lead, emailPath));
      if (email.ok) {
        const competitor = listed(competitors, email.domain);
        if (competitor !== undefined) {
          return { route, reason: 'competitor', summary: `disqualified: ${email.domain} belongs to the competitor ${competitor}` };
        }
        if (listed(disposable, email.domain) !== undefined) {
          return { route, reason: 'disposable_email', summary: `disqualified: ${email.domain} is a disposable mailbox` };
        }
      }
      const title = readPath(lead, titlePath);
      if (typeof title === 'string') {
        const key = wordKey(title);
        const word = words.find((_, i) => key.includes(wordKeys[i] as string));
        if (word !== undefined) return { route, reason: 'title', summary: `disqualified: the title contains "${word}"` };
      }
      if (test?.(lead) === 'match') return { route, reason: 'predicate', summary: 'disqualified: the lead matches the disqualify predicate' };
      return undefined;
    },
  });
}
