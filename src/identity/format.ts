// Helpers that render input values inside error messages.

/** Maximum number of UTF-16 code units of a value that a message repeats. */
const MAX_QUOTED_LENGTH = 80;

/** Invisible or spacing characters that JSON.stringify leaves as they are. */
const INVISIBLE_CHARACTERS = /[\u00A0\u00AD\u200B-\u200F\u2028-\u202F\u205F-\u206F\uFEFF]/g;

/** Formats a code unit as `U+XXXX`. */
export function formatCodePoint(codeUnit: number): string {
  return `U+${codeUnit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Quotes `text` for a message. Invisible characters become `\uXXXX` escapes,
 * and text longer than 80 code units is cut and ends in an ellipsis.
 */
export function quote(text: string): string {
  const shortened = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;

  return JSON.stringify(shortened).replace(
    INVISIBLE_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** Describes any value for a message, such as `number 42` or `null`, without calling code that the value owns. */
export function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }

  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return describeObject(value);
  }
}

function describeObject(value: object): string {
  try {
    return Array.isArray(value) ? 'an array' : 'an object';
  } catch {
    // Array.isArray throws on a revoked Proxy.
    return 'an object';
  }
}
