// Email parsing and classification, company-name keys, and lead-to-account matching.

export { parseEmail } from './email.js';
export type { EmailIssue, EmailIssueCode, EmailResult, ParsedEmail } from './email.js';

export { isFreeMailDomain } from './free-mail.js';
export { FREE_MAIL_SOURCE } from './free-mail.generated.js';

export { createEmailClassifier } from './classifier.js';
export type { DisposableDomainList, EmailClassifier, EmailClassifierOptions } from './classifier.js';

export { classifyEmail, isRoleAccount } from './classify.js';
export type { ClassifiedEmail, EmailCategory, EmailClassification } from './classify.js';

export { companyKey, nameSimilarity, normalizeCompanyName } from './names.js';

export { accountIndex, matchAccount, STEP_CONFIDENCE } from './accounts.js';
export type {
  AccountCandidate,
  AccountIndex,
  AccountIndexOptions,
  AccountLike,
  AccountMatch,
  AccountMatchFailureCode,
  AccountMatchFound,
  DomainEntry,
  IndexEntry,
  MatchStep,
  NoAccountMatch,
} from './accounts.js';
export type { PublicSuffixLookup } from './suffix.js';

export { matchLead } from './match-lead.js';
export type { LeadDetails, LeadMatch, NameMatchFound, WebsiteMatchFound } from './match-lead.js';

export { findDuplicateAccounts } from './duplicates.js';
export type { DuplicateGroup, DuplicateProblem, DuplicateReport } from './duplicates.js';
