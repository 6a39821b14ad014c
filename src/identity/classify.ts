import { defaultEmailClassifier, type EmailClassifier } from './classifier.js';
import type { EmailIssue, ParsedEmail } from './email.js';

/** Kind of mailbox that an address belongs to. */
export type EmailCategory = 'free_mail' | 'disposable' | 'corporate';

/** A parsed address with its category and role flag. */
export interface ClassifiedEmail extends ParsedEmail {
  /** `disposable` wins over `free_mail` when a domain is on both lists. */
  readonly category: EmailCategory;
  /** True for a shared mailbox of a team or function, such as `info@`, `sales@` or `noreply@`. */
  readonly role: boolean;
}

/** Outcome of `classifyEmail`. */
export type EmailClassification = ClassifiedEmail | EmailIssue;

/** Local parts of role accounts, lower case, with dots, hyphens and underscores removed. */
const ROLE_LOCAL_PARTS =
  'abuse accounting accounts admin administrator billing careers contact contactus customerservice ' +
  'enquiries enquiry finance hello help helpdesk hostmaster hr info inquiries inquiry invoices jobs ' +
  'legal mail mailerdaemon marketing media news newsletter noreply donotreply dontreply office ops orders ' +
  'postmaster press privacy recruiting recruitment reply sales security service support team webmaster';

/**
 * Checks whether a local part names a role account such as `info`, `sales` or `no-reply`, ignoring case, dots, hyphens, underscores and a plus tag.
 *
 * @example
 * isRoleAccount('No-Reply'); // true
 * isRoleAccount('jane.doe'); // false
 */
export function isRoleAccount(local: string): boolean {
  if (typeof local !== 'string') return false;
  const plus = local.indexOf('+');
  const base = (plus === -1 ? local : local.slice(0, plus)).toLowerCase().replace(/[._-]/g, '');
  return base !== '' && ` ${ROLE_LOCAL_PARTS} `.includes(` ${base} `);
}

/**
 * Parses an address and classifies it as free mail, disposable or corporate, and as a role account or a person.
 *
 * Uses the built-in free-mail list unless a classifier is given; only a classifier made with
 * a `disposable` list can return `disposable`. It never throws on `input`.
 *
 * @example
 * classifyEmail('info@acme.com'); // { ok: true, category: 'corporate', role: true, ... }
 * classifyEmail('USER@GMAIL.COM'); // { ok: true, category: 'free_mail', role: false, ... }
 */
export function classifyEmail(input: unknown, classifier: EmailClassifier = defaultEmailClassifier()): EmailClassification {
  const parsed = classifier.parseEmail(input);
  if (!parsed.ok) return parsed;

  let category: EmailCategory = 'corporate';
  if (parsed.disposable) {
    category = 'disposable';
  } else if (parsed.freeMail) {
    category = 'free_mail';
  }
  return { ...parsed, category, role: !parsed.local.startsWith('"') && isRoleAccount(parsed.local) };
}
