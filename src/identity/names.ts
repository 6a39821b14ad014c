// Company-name normalisation: "Nestlé S.A.", "NESTLE" and "Nestle" get one key.

/** Tokens of a normalised company name, before and after its trailing legal forms are stripped. */
export interface CompanyNameTokens {
  /** Tokens without trailing legal forms; empty when the name is only a legal form. */
  readonly tokens: readonly string[];
  /** All tokens, legal forms included, so that `Global Tech Inc` also meets the domain label `globaltechinc`. */
  readonly allTokens: readonly string[];
}

/**
 * Legal forms as normalised tokens: lower case, no dots, `&` as `and`. They are stripped only
 * as whole trailing tokens, the longest phrase first, and again while one remains at the end.
 */
const LEGAL_FORMS =
  'inc incorporated corp corporation co company llc llp lp lllp pllc ltd limited plc ' +
  'gmbh mbh ag kg kgaa ohg ug gbr se sa sas sasu sarl eurl snc sca sl slu sau ' +
  'spa srl srls sapa bv nv vof cv cvba bvba oy oyj ab as asa aps ehf hf ' +
  'kk gk yk pty pte pvt bhd tbk sab ltda eireli lda doo ad ood eood ooo oao zao pao pjsc jsc ' +
  'kft zrt nyrt sro akc spzoo ооо оао зао пао ' +
  'and_co and_co_kg gmbh_and_co gmbh_and_co_kg ag_and_co_kg co_ltd co_kg pty_ltd pvt_ltd pte_ltd ' +
  'sdn_bhd pt_tbk sp_z_oo sp_k s_de_rl sa_de_cv s_de_rl_de_cv sab_de_cv l_l_c';

/** Folds that Unicode decomposition does not make: letters with strokes and ligatures. */
const FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};

const NON_ASCII = /[^\x00-\x7F]/;
/** Combining marks after a Latin, Greek or Cyrillic letter. Marks of other scripts carry meaning and stay. */
const LATIN_GREEK_CYRILLIC_MARKS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;
const FOLDED_LETTERS = /[øæœßłđðþıħŧ]/g;
/** Characters that join the parts of one word: apostrophes, dots and hyphens (`A-B-C`, `S.A.`, `O'Brien`). */
const JOINERS = /['’ʼ.\-‐‑]/g;
/** `&` or `+` inside a word, as in `AT&T`, joins it. */
const IN_WORD_AMPERSAND = /(?<=[\p{L}\p{N}])[&+](?=[\p{L}\p{N}])/gu;
const AMPERSAND = /[&+]/g;
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;
const CONNECTORS: ReadonlySet<string> = new Set(['and', 'und', 'et']);

/** Returns the legal forms as token lists, longest first. Callers that split many names build it once and pass it on. */
export function legalFormPhrases(): readonly (readonly string[])[] {
  return LEGAL_FORMS.split(' ')
    .map((form) => form.split('_'))
    .sort((left, right) => right.length - left.length);
}

/** Splits a company name into normalised tokens. Returns undefined for a value that is not a string. */
export function companyNameTokens(name: unknown, phrases: readonly (readonly string[])[] = legalFormPhrases()): CompanyNameTokens | undefined {
  if (typeof name !== 'string') {
    return undefined;
  }

  let text = name.toLowerCase();
  if (NON_ASCII.test(text)) {
    text = text
      .normalize('NFKD')
      .toLowerCase()
      .replace(LATIN_GREEK_CYRILLIC_MARKS, '$1')
      .replace(FOLDED_LETTERS, (letter) => FOLDS[letter] ?? letter);
  }

  text = text.replace(JOINERS, '').replace(IN_WORD_AMPERSAND, '').replace(AMPERSAND, ' and ');
  const allTokens = text
    .split(SEPARATORS)
    .filter((token) => token !== '')
    .map((token) => (CONNECTORS.has(token) ? 'and' : token));

  let end = allTokens.length;
  for (let stripped = true; stripped && end > 0; ) {
    stripped = false;
    for (const phrase of phrases) {
      if (endsWithPhrase(allTokens, end, phrase)) {
        end -= phrase.length;
        stripped = true;
        break;
      }
    }
  }

  return { tokens: allTokens.slice(0, end), allTokens };
}

function endsWithPhrase(tokens: readonly string[], end: number, phrase: readonly string[]): boolean {
  if (phrase.length > end) {
    return false;
  }
  for (let offset = 0; offset < phrase.length; offset += 1) {
    if (tokens[end - phrase.length + offset] !== phrase[offset]) {
      return false;
    }
  }
  return true;
}

/**
 * Normalises a company name to lower-case tokens separated by single spaces, with accents, punctuation and trailing legal forms removed.
 *
 * Returns undefined for a non-string, or a name that is only a legal form (`Corporation`).
 * Applying it to its own output returns that output unchanged.
 *
 * @example
 * normalizeCompanyName('Nestlé S.A.'); // 'nestle'
 * normalizeCompanyName('Mueller Painting & Decorating GmbH & Co. KG'); // 'mueller painting and decorating'
 * normalizeCompanyName('Corporation'); // undefined
 */
export function normalizeCompanyName(name: unknown): string | undefined {
  const parts = companyNameTokens(name);
  return parts === undefined || parts.tokens.length === 0 ? undefined : parts.tokens.join(' ');
}

/**
 * Computes the matching key of a company name: its normalised tokens joined without spaces.
 *
 * `Foo, Inc`, `FOO INC` and `Foo Incorporated` all give `foo`, and `A-B-C Company` gives `abc`.
 * Returns undefined where `normalizeCompanyName` does.
 *
 * @example
 * companyKey('Global Tech Inc'); // 'globaltech'
 * companyKey('global-tech'); // 'globaltech'
 */
export function companyKey(name: unknown): string | undefined {
  const parts = companyNameTokens(name);
  return parts === undefined || parts.tokens.length === 0 ? undefined : parts.tokens.join('');
}

/**
 * Measures how alike two keys are, from 0 to 1: one minus the optimal string alignment
 * distance (edits, including swaps of neighbours) divided by the longer length.
 *
 * @example
 * nameSimilarity('globaltech', 'globaltec'); // 0.9
 */
export function nameSimilarity(left: string, right: string): number {
  const longer = Math.max(left.length, right.length);
  if (longer === 0) {
    return 1;
  }
  return 1 - editDistance(left, right) / longer;
}

/** Computes the optimal string alignment distance with three rolling rows. */
function editDistance(left: string, right: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, column) => column);

  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let best = Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, (previous[column - 1] ?? 0) + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        best = Math.min(best, (beforePrevious[column - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }

  return previous[right.length] ?? 0;
}
