// Email parsing, free-mail detection and lead-to-account matching by email domain.

export { parseEmail } from './email.js';
export type { EmailIssue, EmailIssueCode, EmailResult, ParsedEmail } from './email.js';

export { isFreeMailDomain } from './free-mail.js';

export { createEmailClassifier } from './classifier.js';
export type { EmailClassifier, EmailClassifierOptions } from './classifier.js';

export { accountIndex, matchAccount } from './accounts.js';
export type {
  AccountIndex,
  AccountIndexOptions,
  AccountLike,
  AccountMatch,
  AccountMatchFailureCode,
  AccountMatchFound,
  NoAccountMatch,
} from './accounts.js';
