// Characters XML 1.0 cannot carry at all: C0 controls other than tab/newline/return, lone surrogates,
// and the non-characters U+FFFE/U+FFFF. They are dropped, never escaped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a quoted attribute: invalid characters dropped, markup escaped. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Removes what XML cannot carry, without escaping (for JSON, which escapes on its own). */
export function withoutInvalidXmlChars(value: string): string {
  return value.replace(NOT_XML, '');
}
